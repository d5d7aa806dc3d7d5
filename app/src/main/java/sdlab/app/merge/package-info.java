/**
 * {@code sdlab merge}: the JSON reports of sweeps over adjacent seed ranges, run anywhere (other machines, a
 * Kubernetes Indexed Job), combined into exactly the report of one sweep over all their seeds. The arithmetic lives in
 * {@link sdlab.lab.sweep.SweepMerge}; this package reads the files, finds the experiment and prints.
 */
package sdlab.app.merge;
