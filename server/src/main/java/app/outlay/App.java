package app.outlay;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import app.outlay.backup.BackupHandler;
import app.outlay.backup.BackupService;
import app.outlay.db.Database;
import app.outlay.expense.ExpenseEventHandler;
import app.outlay.expense.ExpenseEvents;
import app.outlay.expense.ExpenseHandler;
import app.outlay.expense.ExpenseService;
import app.outlay.expense.SummaryHandler;
import app.outlay.expense.SummaryService;
import app.outlay.http.Auth;
import app.outlay.http.Hardening;
import app.outlay.http.HeadRequests;
import app.outlay.http.InFlight;
import app.outlay.http.Json;
import app.outlay.http.Problems;
import app.outlay.http.SessionCookie;
import app.outlay.http.Tls;
import app.outlay.idempotency.Idempotency;
import app.outlay.importer.ImportHandler;
import app.outlay.importer.ImportService;
import app.outlay.ledger.LedgerHandler;
import app.outlay.ledger.LedgerService;
import app.outlay.ops.Metrics;
import app.outlay.ledger.MemberHandler;
import app.outlay.ledger.MemberService;
import app.outlay.ops.OpsHandler;
import app.outlay.token.TokenHandler;
import app.outlay.token.TokenService;
import app.outlay.user.SessionHandler;
import app.outlay.user.SessionService;
import app.outlay.user.UserHandler;
import app.outlay.user.UserService;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the parts by hand and holds the route table: the whole API surface on one screen. */
public final class App implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final Config config;
    private final Database db;
    private final ExpenseEvents events;
    private final Javalin javalin;

    private App(Config config, Database db, ExpenseEvents events, Javalin javalin) {
        this.config = config;
        this.db = db;
        this.events = events;
        this.javalin = javalin;
    }

    /** Opens the database (migrating it) and builds the server; nothing listens until {@link #start}. */
    public static App create(Config config) {
        return create(config, Clock.systemUTC());
    }

    /** As {@link #create(Config)}, with a clock of the caller's (tests move it to expire sessions). */
    public static App create(Config config, Clock clock) {
        Tls tls = config.tls() ? Tls.load(config.tlsCert(), config.tlsKey()) : null;
        var metrics = new Metrics(config.accessLog());
        Database db = Database.openInBackground(config.db(), metrics.registry()); // see start()
        var ledgers = new LedgerService(db, config.currency(), clock);
        var users = new UserService(db, ledgers, config.currency(), config.openRegistration(), clock);
        var members = new MemberService(db, ledgers, users);
        var tokens = new TokenService(db, users, clock);
        var sessions = new SessionService(db, users, config.sessionIdle(), config.sessionLifetime(), clock);
        var expenses = new ExpenseService(db, ledgers, clock);
        var events = new ExpenseEvents(db, ledgers, clock, metrics.registry());
        var summaries = new SummaryService(db, ledgers);
        var backups = new BackupService(db, ledgers, members, users, clock);
        var imports = new ImportService(db, ledgers, clock);

        var cookie = new SessionCookie(config.behindHttps());
        var auth = new Auth(tokens, sessions, cookie);
        var idempotent = new Idempotency(db, clock);
        int cores = Runtime.getRuntime().availableProcessors();
        // A batch holds up to ~4 times its JSON in heap while it is parsed and written (10,000 of the longest
        // descriptions: 11 MB, ~40 MiB): batches at once take at most half the heap, the rest is the server's.
        var batches = InFlight.withinHeap(Runtime.getRuntime().maxMemory() / 2, 4, config.maxBodyBytes());
        var exports = InFlight.atMost(Math.max(2, cores)); // see InFlight
        var ops = new OpsHandler(db);
        var userRoutes = new UserHandler(users);
        var tokenRoutes = new TokenHandler(tokens);
        var sessionRoutes = new SessionHandler(sessions, cookie);
        var ledgerRoutes = new LedgerHandler(ledgers);
        var memberRoutes = new MemberHandler(members);
        var expenseRoutes = new ExpenseHandler(expenses, exports);
        var eventRoutes = new ExpenseEventHandler(events, auth);
        var summaryRoutes = new SummaryHandler(summaries);
        var backupRoutes = new BackupHandler(backups, exports);
        var importRoutes = new ImportHandler(imports);

        Javalin javalin = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.router.ignoreTrailingSlashes = true;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
            cfg.requestLogger.http(metrics::record);
            // A response written in parts of up to the whole buffer (32 KiB) is gathered, then sent with its length
            // in one write: past Jetty's default of 8 KiB a part went out at once, so a page of expenses (~12 KB)
            // was sent chunked, in two writes.
            cfg.jetty.modifyHttpConfiguration(http -> http.setOutputAggregationSize(http.getOutputBufferSize()));
            // Javalin copies each response body into Jetty's buffer through a new array of this size (32 KiB
            // unless set): most bodies are a few hundred bytes, and that array was a third of a create's garbage.
            cfg.http.responseBufferSize = 4096;
            // Javalin's own handler reads the files through the class loader's open jar; Jetty's mounted the
            // whole jar as a zip file system first (23,000 entries, a third of the start-up's main thread).
            cfg.resourceHandler(new JavalinStaticResourceHandler());
            cfg.staticFiles.enableWebjars();
            // The web client (module web/, built into public/): Vite names its bundles by their content hash, so
            // they never change under one name; index.html and the rest are revalidated on every load.
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/public/assets";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable");
            });
            cfg.staticFiles.add(files -> {
                files.directory = "/public";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "no-cache");
            });
            Problems.register(cfg);
            Hardening.register(cfg, config.tls() || config.behindHttps());
            if (tls != null) {
                cfg.jetty.addConnector((server, http) -> tls.connector(server, http, config.bind(), config.port()));
            }
            cfg.routes.apiBuilder(() -> {
                get("/health", ops::health);
                get("/metrics", metrics::scrape);
                get("/api/openapi.yaml", ops::openApi);
                get("/docs", ops::docs);
                path("/api/v1", () -> {
                    before("/*", auth::authenticate);
                    get("/registration", userRoutes::registration);
                    post("/users", userRoutes::register);
                    put("/users/{username}/password", userRoutes::resetPassword);
                    get("/me", userRoutes::me);
                    put("/me/password", userRoutes::changePassword);
                    post("/sessions", sessionRoutes::create);
                    delete("/sessions/current", sessionRoutes::end);
                    post("/tokens", tokenRoutes::create);
                    get("/tokens", tokenRoutes::list);
                    delete("/tokens/{tokenId}", tokenRoutes::revoke);
                    get("/ledgers", ledgerRoutes::list);
                    post("/ledgers", idempotent.around(ledgerRoutes::create));
                    path("/ledgers/{ledgerId}", () -> {
                        get(ledgerRoutes::get);
                        patch(ledgerRoutes::update);
                        delete(ledgerRoutes::delete);
                        get("/members", memberRoutes::list);
                        put("/members/{username}", memberRoutes::put);
                        delete("/members/{username}", memberRoutes::remove);
                        get("/expenses", expenseRoutes::list);
                        post("/expenses", idempotent.around(expenseRoutes::create));
                        post("/expenses/batch", batches.around(idempotent.around(expenseRoutes::createAll)));
                        get("/expenses/{expenseId}", expenseRoutes::get);
                        put("/expenses/{expenseId}", expenseRoutes::replace);
                        patch("/expenses/{expenseId}", expenseRoutes::patch);
                        delete("/expenses/{expenseId}", expenseRoutes::delete);
                        get("/summary", summaryRoutes::summary);
                        get("/types", summaryRoutes::types);
                        get("/events", eventRoutes::follow);
                        get("/export", backupRoutes::export);
                        post("/restore", backupRoutes::restore);
                        // a streamed body: not wrapped in Idempotency; duplicate detection makes a retry import nothing
                        post("/imports", importRoutes::create);
                        get("/imports", importRoutes::list);
                        delete("/imports/{importId}", importRoutes::undo);
                    });
                });
            });
        });
        HeadRequests.answerLikeGet(javalin);
        return new App(config, db, events, javalin);
    }

    /** Listens on the configured address and port (0 picks a free port). */
    public App start() {
        db.ready(); // not listening before the schema is current, and a database that cannot open fails here
        javalin.start(config.bind(), config.port());
        events.keepTidy();
        return this;
    }

    public int port() {
        return javalin.port();
    }

    /** The HTTP endpoints Javalin registered (filters excluded), as method and path template. */
    public List<Route> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod() && endpoint.method != HandlerType.HEAD)
                .map(endpoint -> new Route(endpoint.method.name(), endpoint.path))
                .toList();
    }

    /** One endpoint: an HTTP method such as {@code GET} and a path such as {@code /api/v1/ledgers/{ledgerId}}. */
    public record Route(String method, String path) {}

    static void run(Config config) {
        App app = create(config).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
        LOG.info("Outlay listening on {}://{}:{} using {} (ready {} ms after the JVM started)",
                config.tls() ? "https" : "http", config.bind(), app.port(), app.db.describe(),
                ManagementFactory.getRuntimeMXBean().getUptime());
    }

    @Override
    public void close() {
        events.close(); // ends the streams of live updates, which would hold the stop up
        javalin.stop();
        db.close();
    }
}
