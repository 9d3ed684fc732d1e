package app.outlay.ledger;

import app.outlay.common.Conflict;
import app.outlay.common.Forbidden;
import app.outlay.common.NotFound;
import app.outlay.db.Database;
import app.outlay.user.CurrentUser;
import app.outlay.user.UserService;
import java.util.List;
import java.util.Optional;

/** Who shares a ledger, in which role. Owners manage members; a ledger always keeps at least one owner. */
public final class MemberService {
    private final Database db;
    private final LedgerStore store;
    private final LedgerService ledgers;
    private final UserService users;

    public MemberService(Database db, LedgerService ledgers, UserService users) {
        this.db = db;
        this.store = new LedgerStore(db.dsl());
        this.ledgers = ledgers;
        this.users = users;
    }

    /** A member as they are after a change, and whether the change added them. */
    public record Change(Member member, boolean added) {}

    public List<Member> list(CurrentUser caller, long ledgerId) {
        ledgers.access(caller, ledgerId, Role.VIEWER);
        return store.members(ledgerId);
    }

    /** Adds the user with this role, or gives a member this role. */
    public Change put(CurrentUser caller, long ledgerId, String username, String rawRole) {
        Role role = Role.parse("role", rawRole);
        Change change = db.transaction(() -> {
            lockMembers(ledgerId);
            ledgers.access(caller, ledgerId, Role.OWNER);
            CurrentUser user = users.find(username).orElseThrow(() -> new NotFound("No such user."));
            Optional<Role> current = store.role(ledgerId, user.id());
            if (current.isEmpty()) {
                store.addMember(ledgerId, user.id(), role);
            } else if (current.get() != role) {
                requireAnotherOwner(ledgerId, current.get());
                store.updateMember(ledgerId, user.id(), role);
            }
            return new Change(new Member(user.username(), role), current.isEmpty());
        });
        ledgers.forget();
        return change;
    }

    /** Removes a member: an owner may remove anyone, every member may leave. */
    public void remove(CurrentUser caller, long ledgerId, String username) {
        db.transaction(() -> {
            lockMembers(ledgerId);
            Ledger ledger = ledgers.access(caller, ledgerId, Role.VIEWER);
            Optional<CurrentUser> user = users.find(username);
            boolean self = user.isPresent() && user.get().id() == caller.id();
            if (!self && !ledger.role().includes(Role.OWNER)) {
                throw new Forbidden("Only an owner can remove other members.");
            }
            long userId = user.orElseThrow(() -> new NotFound("No such member.")).id();
            Role role = store.role(ledgerId, userId).orElseThrow(() -> new NotFound("No such member."));
            requireAnotherOwner(ledgerId, role);
            store.deleteMember(ledgerId, userId);
        });
        ledgers.forget();
    }

    /** Changes to one ledger's members queue, on every server, so two owners cannot both step down at once. */
    private void lockMembers(long ledgerId) {
        db.lock("ledger-members-" + ledgerId);
    }

    private void requireAnotherOwner(long ledgerId, Role leaving) {
        if (leaving == Role.OWNER && store.countOwners(ledgerId) <= 1) {
            throw new Conflict("A ledger needs at least one owner; make another member owner first.");
        }
    }
}
