package app.outlay.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Built-in HTTPS from a PEM certificate chain and its unencrypted PEM private key (PKCS#8, or RSA/EC as OpenSSL writes them). */
public final class Tls {
    private final KeyStore keys;
    private final char[] password;

    private Tls(KeyStore keys, char[] password) {
        this.keys = keys;
        this.password = password;
    }

    /** Reads the certificate chain and key now, so that a file that will not do stops the server before it starts. */
    public static Tls load(Path cert, Path key) {
        char[] password = randomPassword();
        return new Tls(keyStore(cert, key, password), password);
    }

    /** A connector that speaks only HTTPS on the address and port. */
    public ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
        var ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keys);
        ssl.setKeyStorePassword(new String(password));
        var https = new HttpConfiguration(http);
        var secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // a name the certificate lacks fails in the browser anyway
        https.addCustomizer(secure);
        var connector = new ServerConnector(server, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** The certificate chain and key in an in-memory key store; a clear message when either cannot be read. */
    static KeyStore keyStore(Path cert, Path key, char[] password) {
        try {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            Certificate[] chain = certificates(cert);
            store.setKeyEntry("outlay", privateKey(key), password, chain);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("--tls-cert/--tls-key: cannot use them: " + e.getMessage(), e);
        }
    }

    private static Certificate[] certificates(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            Certificate[] chain = CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(Certificate[]::new);
            if (chain.length == 0) {
                throw new IllegalArgumentException("--tls-cert: no PEM certificate in " + file);
            }
            return chain;
        }
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file); var pem = new PEMParser(in)) {
            var converter = new JcaPEMKeyConverter();
            Object object = pem.readObject();
            while (object != null && !(object instanceof PEMKeyPair) && !(object instanceof PrivateKeyInfo)) {
                object = pem.readObject(); // skips EC parameters and the like that may come first
            }
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new IllegalArgumentException("--tls-key: no unencrypted PEM private key in " + file);
        }
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).toCharArray();
    }
}
