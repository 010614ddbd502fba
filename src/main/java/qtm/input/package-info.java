/**
 * How qtm tells a user that an input is wrong: {@link qtm.input.InputException}, one line naming the file (or the
 * command line), the key, the value and what is allowed, which every command prints alone with exit status 2; and
 * {@link qtm.input.Quote}, which makes any value safe to echo in that line. The bottom floor, so that every package
 * that meets user input (the scenario reader, output directories, saved ensembles) reports it the same way.
 */
package qtm.input;
