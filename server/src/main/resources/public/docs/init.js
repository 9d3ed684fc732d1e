// Kept out of the page: no inline scripts, so a strict Content-Security-Policy holds.
window.ui = SwaggerUIBundle({ url: "/api/openapi.yaml", dom_id: "#swagger-ui" });
