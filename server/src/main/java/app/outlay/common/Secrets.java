package app.outlay.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** The random secrets that stand for a user (tokens, session ids), and the only form in which they are stored. */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Copied for each hash: finding the algorithm among the security providers cost more than hashing. */
    private static final MessageDigest SHA_256 = sha256();

    private Secrets() {}

    /** 256 random bits, URL-safe (43 characters), after a prefix that tells what kind of secret it is. */
    public static String generate(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of a secret, in hex. A slow hash adds nothing for 256 random bits, and lookups stay one index probe. */
    public static String hash(String secret) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            digest = sha256();
        }
        return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
