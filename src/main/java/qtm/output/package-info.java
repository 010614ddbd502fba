/**
 * Writes files safely, and nothing else: output directories under the one rule (never the user's data, exclusive,
 * all or nothing) with their claims, staging and manifest; files written atomically; the inputs a command reads told
 * apart from its output; the shard record, the jump records and the Slurm job scripts; and the file formats CSV, strict JSON and NumPy
 * {@code .npy}. Nothing written depends on time or threads, so the same result gives the same bytes. It knows nothing
 * of pages, charts, commands or scenario files: it takes plain values (the scenario document as run, a machine's
 * jump channels), and {@code report}, {@code cli} and {@code sweep} write through it, never the reverse.
 */
package qtm.output;
