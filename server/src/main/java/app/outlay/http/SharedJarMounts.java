package app.outlay.http;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * Jetty's factory for {@code jar:} resources, mounting each jar once. The static files (the web client,
 * the API docs, the Swagger UI webjar) are looked up through three class loaders, twice per location, and each
 * lookup mounted the jar as a zip file system of its own, each holding an index of every entry of the server's
 * jar: 12 mounts and ~75 MiB of heap.
 */
public final class SharedJarMounts implements ResourceFactory {
    private final ResourceFactory mounts;
    private final Map<String, Resource> roots = new ConcurrentHashMap<>();

    private SharedJarMounts(ResourceFactory mounts) {
        this.mounts = mounts;
    }

    /** Puts itself in front of Jetty's factory for {@code jar:}, once per JVM. */
    public static synchronized void install() {
        ResourceFactory current = ResourceFactory.unregisterResourceFactory("jar");
        ResourceFactory.registerResourceFactory("jar",
                current instanceof SharedJarMounts ? current : new SharedJarMounts(current));
    }

    /** {@code jar:file:/x.jar!/public/assets}: the jar's root, mounted once, then the path inside it. */
    @Override
    public Resource newResource(URI uri) {
        String address = uri.toString();
        int separator = address.indexOf("!/");
        if (separator < 0) {
            return mounts.newResource(uri);
        }
        String root = address.substring(0, separator + 2);
        String inside = address.substring(separator + 2);
        Resource jar = roots.computeIfAbsent(root, r -> mounts.newResource(URI.create(r)));
        return inside.isEmpty() ? jar : jar.resolve(inside);
    }
}
