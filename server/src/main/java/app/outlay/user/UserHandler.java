package app.outlay.user;

import app.outlay.http.Auth;
import app.outlay.http.JsonBody;
import io.javalin.http.Context;

/** Registration, the signed-in user and passwords. */
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

    /** Anonymous: lets a sign-in page offer to create the first (admin) account. */
    public void registration(Context ctx) {
        ctx.json(users.registrationStatus());
    }

    public void me(Context ctx) {
        ctx.json(UserView.of(Auth.user(ctx)));
    }

    public void changePassword(Context ctx) {
        var body = JsonBody.readObject(ctx);
        users.changePassword(Auth.user(ctx), Auth.session(ctx), JsonBody.text(body, "currentPassword"),
                JsonBody.text(body, "newPassword"), ctx.ip());
        ctx.status(204);
    }

    public void resetPassword(Context ctx) {
        var body = JsonBody.readObject(ctx);
        users.resetPassword(Auth.user(ctx), ctx.pathParam("username"), JsonBody.text(body, "password"));
        ctx.status(204);
    }

    record UserView(String id, String username, boolean admin) {
        static UserView of(CurrentUser user) {
            return new UserView(Long.toString(user.id()), user.username(), user.admin());
        }
    }
}
