/**
 * The {@code qtm} command line: picocli subcommands that read a scenario, call the computing packages and print or
 * write what they return, plus what only a process has (exit status, Ctrl-C and SIGTERM, the progress bar). No physics
 * lives here, so that everything a command computes can also be had from the library without the command line. What
 * several commands share is a mixin or a helper rather than a copy: {@code ScenarioOptions} (the file and its
 * {@code --set}s), {@code Printed} ({@code --json} and the output), {@code OptionChecks} (refusing an option in the
 * same words everywhere).
 */
package qtm.cli;
