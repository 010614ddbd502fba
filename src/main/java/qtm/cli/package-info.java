/**
 * The {@code qtm} command line: picocli subcommands that read a scenario, call the computing packages and print or
 * write what they return, plus what only a process has (exit status, Ctrl-C and SIGTERM, the progress bar). No physics
 * lives here, so that everything a command computes can also be had from the library without the command line.
 */
package qtm.cli;
