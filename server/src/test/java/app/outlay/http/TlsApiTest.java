package app.outlay.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.outlay.support.Fixtures;
import app.outlay.support.TestServer;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Built-in HTTPS from PEM files: the server speaks TLS, its cookies are Secure, and browsers are told to stay on HTTPS. */
class TlsApiTest {
    @TempDir
    Path dir;

    @Test
    void withACertificateAndKeyTheServerSpeaksHttpsAndItsSessionCookieIsSecure() throws Exception {
        // given a self-signed certificate for 127.0.0.1 and its key as PKCS#8 PEM
        KeyPair keys = ecKeys();
        X509Certificate cert = selfSigned(keys);
        Path certFile = write("cert.pem", pem(cert));
        Path keyFile = write("key.pem", "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");

        try (var server = TestServer.start(config -> config.withTls(certFile, keyFile))) {
            String base = "https://127.0.0.1:" + URI.create(server.baseUrl()).getPort();
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(cert)).connectTimeout(Duration.ofSeconds(5)).build();

            // when
            var health = client.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            var registered = client.send(json(base + "/api/v1/users", Fixtures.credentials("admin", Fixtures.PASSWORD)),
                    HttpResponse.BodyHandlers.ofString());
            var session = client.send(json(base + "/api/v1/sessions", Fixtures.credentials("admin", Fixtures.PASSWORD)),
                    HttpResponse.BodyHandlers.ofString());
            String cookie = session.headers().firstValue("Set-Cookie").orElseThrow();
            var created = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ledgers"))
                    .header("Cookie", TestServer.cookiePair(cookie))
                    .header("Origin", base)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Over TLS\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            // then
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            assertThat(registered.statusCode()).isEqualTo(201);
            assertThat(session.statusCode()).isEqualTo(204);
            assertThat(cookie).endsWith("; Secure");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
    }

    @Test
    void aKeyAsOpenSslWritesItLoadsAndAnEncryptedOrMissingOneIsNamedPlainly() throws Exception {
        // given the key in the traditional "RSA PRIVATE KEY" form, and files that are not a usable key
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path certFile = write("cert.pem", pem(selfSigned(keys)));
        Path traditional = write("key.pem", pem(keys));
        Path notAKey = write("cert-again.pem", pem(selfSigned(keys)));

        // when
        KeyStore store = Tls.keyStore(certFile, traditional, "pw".toCharArray());

        // then
        assertThat(store.getKey("outlay", "pw".toCharArray()).getAlgorithm()).isEqualTo("RSA");
        assertThat(Files.readString(traditional)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThatThrownBy(() -> Tls.keyStore(certFile, notAKey, "pw".toCharArray()))
                .hasMessageContaining("--tls-key").hasMessageContaining("no unencrypted PEM private key");
        assertThatThrownBy(() -> Tls.load(certFile, dir.resolve("missing.pem")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--tls-cert/--tls-key");
    }

    private static HttpRequest json(String url, Object body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(app.outlay.support.Api.toJson(body)))
                .build();
    }

    private static KeyPair ecKeys() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair keys) throws Exception {
        var name = new X500Name("CN=127.0.0.1");
        var now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        String algorithm = keys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        var signer = new JcaContentSignerBuilder(algorithm).build(keys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static SSLContext trusting(X509Certificate cert) throws Exception {
        var trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", cert);
        var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        var context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static String pem(Object object) throws IOException {
        var text = new StringWriter();
        try (var writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
