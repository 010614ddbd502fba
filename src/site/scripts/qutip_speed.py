"""QuTiP 5.3's mcsolve on the three-qubit chain that qtm's MachineEngineBenchmark runs as chain-general.

Run by src/site/scripts/qutip-speed.sh inside a virtual environment outside the repository, never by the build or
the tests. It builds the model from the words of issue 24 alone (not from qtm's matrices), then

  1. ("check") checks it against qtm's own H and jump operators (printed by the test class
     qtm.engine.ChainReference), so both sides simulate one machine;
  2. ("check") checks mesolve of that model, at tight tolerances, against qtm's exact transient
     (qtm.exact.MachineExact) on the 21 grid points, so the two Liouvillians agree in their dynamics (to 1e-8);
  3. ("run") times mcsolve (default tolerances and method; the serial map) on K trajectories, one run per call,
     so that the shell script can alternate QuTiP's runs with qtm's in one sitting;
  4. ("pool") checks the mean site populations at t = 2000 of all timed trajectories against qtm's exact values
     (|z| at most 5), so that the runs timed are simulations of the right thing.

The machine (TestMachines.benchChain): qubits c, m, h, all gaps 1; exchange g (a_i^dag a_j + a_i a_j^dag) with
g = 1.6e-3 on c-m and m-h; a cold bosonic bath on c (T = 0, gamma = 1e-2) and a hot one on h (T = 100,
gamma = 1e-5), local approach, spectral exponent 0. In the local approach the Bohr components of X = a + a^dag
with respect to H0 (the levels alone, all gaps 1) are one channel at omega = 1: A = sigma^-, at rate
gamma (1 + n(1)), and A^dag = sigma^+ at gamma n(1), n the Bose factor. The basis is |n_c n_m n_h> with c the most
significant digit, which is qutip.tensor(c, m, h) and qtm's ProductSpace (index = 4 n_c + 2 n_m + n_h).
"""
import argparse
import json
import math
import sys
import time

import numpy as np
import qutip

G = 1.6e-3
COLD_T, COLD_GAMMA = 0.0, 1e-2
HOT_T, HOT_GAMMA = 100.0, 1e-5
TLIST = np.linspace(0.0, 2000.0, 21)


def bose(omega, t):
    return 0.0 if t == 0 else 1.0 / math.expm1(omega / t)


def model():
    """H, the jump operators with a positive rate (in qtm's channel order), and the site number operators."""
    sm, i2 = qutip.destroy(2), qutip.qeye(2)

    def site(op, k):
        ops = [i2, i2, i2]
        ops[k] = op
        return qutip.tensor(ops)

    a = [site(sm, k) for k in range(3)]
    n = [x.dag() * x for x in a]
    h = n[0] + n[1] + n[2]
    for i, j in ((0, 1), (1, 2)):
        h += G * (a[i].dag() * a[j] + a[i] * a[j].dag())
    c_ops, labels = [], []
    for name, k, t, gamma in (("cold", 0, COLD_T, COLD_GAMMA), ("hot", 2, HOT_T, HOT_GAMMA)):
        nb = bose(1.0, t)
        for sign, op, rate in (("-", a[k], gamma * (1 + nb)), ("+", a[k].dag(), gamma * nb)):
            if rate > 0:  # qtm lists the zero-rate raising channel of a T = 0 bath; it never fires
                c_ops.append(math.sqrt(rate) * op)
                labels.append(name + sign)
    return h, c_ops, labels, n


def matrix(m):
    return np.array(m["re"]) + 1j * np.array(m["im"])


def check_model(ref, h, c_ops, labels):
    """Largest |difference| between this model's matrices and qtm's."""
    worst = np.max(np.abs(h.full() - matrix(ref["H"])))
    theirs = [c for c in ref["channels"] if c["rate"] > 0]
    if [c["label"][:len(lab)] for c, lab in zip(theirs, labels)] != labels or len(theirs) != len(labels):
        sys.exit("channels differ: qtm has " + str([c["label"] for c in ref["channels"]]) + ", here " + str(labels))
    for c, mine in zip(theirs, c_ops):
        worst = max(worst, np.max(np.abs(mine.full() - matrix(c["op"]))))
    return float(worst)


def populations(states):
    return np.array([np.real(np.diag(s.full())) for s in states])


def check(args):
    """Steps 1 and 2: the model against qtm's matrices, mesolve against qtm's exact transient."""
    ref = json.load(open(args.reference))
    if not np.allclose(ref["times"], TLIST, rtol=0, atol=1e-12):
        sys.exit("qtm's grid differs from linspace(0, 2000, 21)")
    h, c_ops, labels, _ = model()
    model_diff = check_model(ref, h, c_ops, labels)
    psi0 = qutip.basis([2, 2, 2], [0, 0, 0])
    me = qutip.mesolve(h, qutip.ket2dm(psi0), TLIST, c_ops,
                       options={"atol": 1e-14, "rtol": 1e-12, "nsteps": 10**6, "progress_bar": False})
    me_diff = float(np.max(np.abs(populations(me.states) - np.array(ref["populations"]))))
    out = {"qutip": qutip.__version__, "numpy": np.__version__, "scipy": __import__("scipy").__version__,
           "python": sys.version.split()[0], "model_max_diff": model_diff, "mesolve_max_diff": me_diff}
    json.dump(out, open(args.out, "w"))
    print(f"model vs qtm's matrices: max |diff| = {model_diff:.1e}; mesolve vs qtm's exact transient: "
          f"max |diff| = {me_diff:.1e}")
    if model_diff > 1e-15:
        sys.exit(f"the model differs from qtm's by {model_diff:.2e}")
    if me_diff > 1e-8:
        sys.exit(f"mesolve differs from qtm's exact transient by {me_diff:.2e} > 1e-8")


def run(args):
    """Step 3, one timed run: K trajectories after an untimed warm-up of 20 in the same process."""
    h, c_ops, _, n = model()
    psi0 = qutip.basis([2, 2, 2], [0, 0, 0])
    # e_ops: the three site populations. qtm's engine hands each grid state to an observer (the benchmark feeds one
    # number of it to a Blackhole); the nearest QuTiP use is a few expectation values per grid point. Without e_ops
    # mcsolve would instead keep every state and average the density matrices, more work than qtm's side does.
    # progress_bar off: it prints and computes nothing of the physics; every other option is mcsolve's default.
    options = {"map": "serial", "progress_bar": False}
    qutip.mcsolve(h, psi0, TLIST, c_ops, e_ops=n, ntraj=20, options=options, seeds=10**6 + args.seed)
    start = time.perf_counter()
    res = qutip.mcsolve(h, psi0, TLIST, c_ops, e_ops=n, ntraj=args.trajectories, options=options, seeds=args.seed)
    elapsed = time.perf_counter() - start
    out = {"trajectories": res.num_trajectories, "seconds": elapsed, "rate": res.num_trajectories / elapsed,
           "mean": [float(e[-1]) for e in res.average_expect], "std": [float(s[-1]) for s in res.std_expect]}
    json.dump(out, open(args.out, "w"))
    print(f"QuTiP mcsolve: {out['trajectories']} trajectories in {elapsed:.1f} s = {out['rate']:.2f} traj/s")


def pool(args):
    """The mean populations at t = 2000 of all timed trajectories against qtm's exact ones."""
    exact = np.array(json.load(open(args.reference))["populations"][-1])
    idx = np.arange(8)
    # Site s's population is the sum of the diagonal over the states whose digit s is 1 (c most significant).
    site_exact = np.array([exact[(idx >> (2 - s)) & 1 == 1].sum() for s in range(3)])
    total, sums, sq = 0, np.zeros(3), np.zeros(3)
    for f in args.files:
        r = json.load(open(f))
        k, mean, std = r["trajectories"], np.array(r["mean"]), np.array(r["std"])
        total += k
        sums += k * mean
        sq += k * (std ** 2 + mean ** 2)
    mean = sums / total
    se = np.sqrt(np.maximum(sq / total - mean ** 2, 0) / (total - 1))
    z = (mean - site_exact) / se
    out = {"trajectories": total, "mean": mean.tolist(), "se": se.tolist(), "exact": site_exact.tolist(),
           "z": z.tolist()}
    json.dump(out, open(args.out, "w"))
    print(f"mcsolve at t = 2000 over {total} trajectories: z = " + ", ".join(f"{x:+.2f}" for x in z))
    if np.max(np.abs(z)) > 5:
        sys.exit(f"mcsolve's mean site populations at t = 2000 are off qtm's exact ones: z = {z}")


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="step", required=True)
    c = sub.add_parser("check")
    c.add_argument("--reference", required=True, help="JSON printed by qtm.engine.ChainReference")
    c.add_argument("--out", required=True)
    r = sub.add_parser("run")
    r.add_argument("--trajectories", type=int, required=True, help="K, the trajectories timed")
    r.add_argument("--seed", type=int, required=True)
    r.add_argument("--out", required=True)
    o = sub.add_parser("pool")
    o.add_argument("--reference", required=True)
    o.add_argument("--out", required=True)
    o.add_argument("files", nargs="+", help="the run outputs")
    args = p.parse_args()
    {"check": check, "run": run, "pool": pool}[args.step](args)


if __name__ == "__main__":
    main()
