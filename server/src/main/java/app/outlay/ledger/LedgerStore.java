package app.outlay.ledger;

import static app.outlay.ledger.LedgerTables.LEDGER;
import static app.outlay.ledger.LedgerTables.LEDGER_MEMBER;
import static app.outlay.user.UserTable.APP_USER;

import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Ledgers and their members in the database. */
final class LedgerStore {
    private final DSLContext dsl;

    LedgerStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Ledger> listFor(long userId) {
        return dsl.select(LEDGER.ID, LEDGER.NAME, LEDGER.CURRENCY, LEDGER_MEMBER.ROLE)
                  .from(LEDGER)
                  .join(LEDGER_MEMBER).on(LEDGER_MEMBER.LEDGER_ID.eq(LEDGER.ID))
                  .where(LEDGER_MEMBER.USER_ID.eq(userId))
                  .orderBy(LEDGER.ID)
                  .fetch(LedgerStore::toLedger);
    }

    Optional<Ledger> find(long userId, long ledgerId) {
        return dsl.select(LEDGER.ID, LEDGER.NAME, LEDGER.CURRENCY, LEDGER_MEMBER.ROLE)
                  .from(LEDGER)
                  .join(LEDGER_MEMBER).on(LEDGER_MEMBER.LEDGER_ID.eq(LEDGER.ID))
                  .where(LEDGER_MEMBER.USER_ID.eq(userId))
                  .and(LEDGER.ID.eq(ledgerId))
                  .fetchOptional(LedgerStore::toLedger);
    }

    long insert(String name, Currency currency, long now) {
        return dsl.insertInto(LEDGER)
                  .set(LEDGER.NAME, name)
                  .set(LEDGER.CURRENCY, currency.getCurrencyCode())
                  .set(LEDGER.CREATED_AT, now)
                  .returningResult(LEDGER.ID)
                  .fetchSingle(LEDGER.ID);
    }

    void addMember(long ledgerId, long userId, Role role) {
        dsl.insertInto(LEDGER_MEMBER)
           .set(LEDGER_MEMBER.LEDGER_ID, ledgerId)
           .set(LEDGER_MEMBER.USER_ID, userId)
           .set(LEDGER_MEMBER.ROLE, role.wire())
           .execute();
    }

    List<Member> members(long ledgerId) {
        return dsl.select(APP_USER.USERNAME, LEDGER_MEMBER.ROLE)
                  .from(LEDGER_MEMBER)
                  .join(APP_USER).on(APP_USER.ID.eq(LEDGER_MEMBER.USER_ID))
                  .where(LEDGER_MEMBER.LEDGER_ID.eq(ledgerId))
                  .orderBy(DSL.lower(APP_USER.USERNAME))
                  .fetch(r -> new Member(r.value1(), Role.fromWire(r.value2())));
    }

    Optional<Role> role(long ledgerId, long userId) {
        return dsl.select(LEDGER_MEMBER.ROLE)
                  .from(LEDGER_MEMBER)
                  .where(LEDGER_MEMBER.LEDGER_ID.eq(ledgerId))
                  .and(LEDGER_MEMBER.USER_ID.eq(userId))
                  .fetchOptional(r -> Role.fromWire(r.value1()));
    }

    int countOwners(long ledgerId) {
        return dsl.fetchCount(LEDGER_MEMBER, LEDGER_MEMBER.LEDGER_ID.eq(ledgerId)
                                                .and(LEDGER_MEMBER.ROLE.eq(Role.OWNER.wire())));
    }

    void updateMember(long ledgerId, long userId, Role role) {
        dsl.update(LEDGER_MEMBER)
           .set(LEDGER_MEMBER.ROLE, role.wire())
           .where(LEDGER_MEMBER.LEDGER_ID.eq(ledgerId))
           .and(LEDGER_MEMBER.USER_ID.eq(userId))
           .execute();
    }

    void deleteMember(long ledgerId, long userId) {
        dsl.deleteFrom(LEDGER_MEMBER)
           .where(LEDGER_MEMBER.LEDGER_ID.eq(ledgerId))
           .and(LEDGER_MEMBER.USER_ID.eq(userId))
           .execute();
    }

    void update(long ledgerId, String name, Currency currency) {
        dsl.update(LEDGER)
           .set(LEDGER.NAME, name)
           .set(LEDGER.CURRENCY, currency.getCurrencyCode())
           .where(LEDGER.ID.eq(ledgerId))
           .execute();
    }

    void delete(long ledgerId) {
        dsl.deleteFrom(LEDGER)
           .where(LEDGER.ID.eq(ledgerId))
           .execute();
    }

    private static Ledger toLedger(Record r) {
        return new Ledger(r.get(LEDGER.ID), r.get(LEDGER.NAME), Currency.getInstance(r.get(LEDGER.CURRENCY)),
                Role.fromWire(r.get(LEDGER_MEMBER.ROLE)));
    }
}
