package app.outlay.cli.support;

import app.outlay.cli.Terminal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A terminal with a person at it who gives scripted answers, and remembers the prompts they saw. */
public final class FakeTerminal implements Terminal {
    private final Deque<String> answers;
    private final List<String> prompts = new ArrayList<>();

    private FakeTerminal(List<String> answers) {
        this.answers = new ArrayDeque<>(answers);
    }

    public static FakeTerminal answering(String... answers) {
        return new FakeTerminal(List.of(answers));
    }

    public List<String> prompts() {
        return prompts;
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public String readLine(String prompt) {
        prompts.add(prompt);
        return answers.poll();
    }

    @Override
    public char[] readPassword(String prompt) {
        prompts.add(prompt);
        String answer = answers.poll();
        return answer == null ? null : answer.toCharArray();
    }
}
