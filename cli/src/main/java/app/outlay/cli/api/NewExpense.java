package app.outlay.cli.api;

/** An expense to add; the server checks every field. */
public record NewExpense(String date, String type, String amount, String description) {}
