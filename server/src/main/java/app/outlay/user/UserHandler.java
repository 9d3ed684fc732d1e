package app.outlay.user;

import app.outlay.http.Auth;
import app.outlay.http.JsonBody;
import io.javalin.http.Context;

/** Registration and the signed-in user. */
public final class UserHandler {
    private final UserService users;

    public UserHandler(UserService users) {
        this.users = users;
    }

    public void register(Context ctx) {
        var body = JsonBody.readObject(ctx);
        CurrentUser user = users.register(Auth.optionalUser(ctx),
                JsonBody.text(body, "username"), JsonBody.text(body, "password"));
        ctx.status(201).json(UserView.of(user));
    }

    public void me(Context ctx) {
        ctx.json(UserView.of(Auth.user(ctx)));
    }

    record UserView(String id, String username, boolean admin) {
        static UserView of(CurrentUser user) {
            return new UserView(Long.toString(user.id()), user.username(), user.admin());
        }
    }
}
