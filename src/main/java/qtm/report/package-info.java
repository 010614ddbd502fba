/**
 * Writes results to disk: tidy CSV, strict JSON, PNG and SVG charts and the self-contained HTML report, under the one
 * rule for output directories (never the user's data, exclusive, all or nothing). Nothing written depends on time or
 * threads, so the same result gives the same bytes.
 */
package qtm.report;
