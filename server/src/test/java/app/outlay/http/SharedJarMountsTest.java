package app.outlay.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.junit.jupiter.api.Test;

/** Static files are read from jars; each jar is opened as one zip file system, however many lookups reach it. */
class SharedJarMountsTest {
    @Test
    void locationsInOneJarShareOneFileSystemAndStillResolveToTheirFiles() throws Exception {
        // given: the Swagger UI webjar, as the docs page's static files reach it
        SharedJarMounts.install();
        URI css = getClass().getClassLoader().getResource("META-INF/resources/webjars/swagger-ui").toURI();
        URI root = URI.create(css.toString().substring(0, css.toString().indexOf("!/") + 2));

        // when
        var webjars = ResourceFactory.root().newResource(css);
        var again = ResourceFactory.root().newResource(css);
        var jar = ResourceFactory.root().newResource(root);

        // then
        assertThat(webjars.isDirectory()).isTrue();
        assertThat(webjars.getPath().getFileSystem()).isSameAs(again.getPath().getFileSystem())
                                                     .isSameAs(jar.getPath().getFileSystem());
        assertThat(webjars.list()).isNotEmpty();
        assertThat(jar.resolve("META-INF/resources/webjars/swagger-ui").exists()).isTrue();
    }
}
