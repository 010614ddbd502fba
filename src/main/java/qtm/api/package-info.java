/**
 * The public Java API for physicists who script a study: {@link qtm.api.Qtm} builds steady states, transients and
 * ensembles from the model records, with no matrix types in sight. It sits above the engines and the exact layer and
 * below the command line, which it does not use.
 */
package qtm.api;
