package app.outlay.cli.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** The server could not be reached, or the connection broke (exit code 3). */
public final class ServerUnreachable extends RuntimeException {

    public ServerUnreachable(URI server, Throwable cause) {
        super("Cannot reach the server at " + server + ": " + reason(cause), cause);
    }

    private static String reason(Throwable cause) {
        if (cause instanceof JsonProcessingException) {
            return "its answer is not the Outlay API's JSON";
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "it did not answer in time";
        }
        for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
            if (inner instanceof UnresolvedAddressException) {
                return "unknown host";
            }
        }
        if (cause instanceof ConnectException && cause.getMessage() == null) { // as the JDK's client says "refused"
            return "connection refused";
        }
        Throwable root = cause;
        while (root.getMessage() == null && root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
