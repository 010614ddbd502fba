#!/usr/bin/env python3
"""An independent steady state of a qtm machine (issue 24), written from the issue's text alone.

Reads a machine scenario (JSON, or YAML when PyYAML is installed) and prints, as JSON, the keys that
``qtm steady --json`` gives: rho {re, im}, heat {bath: value}, negativity {label: value},
pair_concurrence {pair: value} and site_populations {site: [...]}, plus heat_sum (sum_k Q_k).

Usage: independent_steady.py SCENARIO     (e.g. src/test/resources/independent/chain-local.json)
It also prints liouvillian_smallest_singular_values: the second one is 0 when the steady state is not unique.

What it implements, in the issue's words:
- basis: product of the sites' levels, first site most significant;
- ladder a = sum_n w_n |n><n+1|, w_n = 1 (unit) or sqrt(n+1) (harmonic); n = sum_n n |n><n|;
- H = sum_sites sum_n E_n |n><n| + g (a_i^dag a_j + a_i a_j^dag) + U n_i n_j;
- bosonic/fermionic baths act through the Bohr components, at positive frequency, of X_k = a_k + a_k^dag with
  respect to H0 = diag(H) (local) or H (global); sorted frequencies are split into channels where a gap exceeds
  1e-9 max(1, largest |omega|); the channel holding zero is dropped; down rate gamma (1 + n), up rate gamma n
  (fermionic: gamma (1 - f), gamma f with f the Fermi factor of omega - mu); gamma = rate (omega / omega_1)^s;
- reset baths: jumps sqrt(rate tau_n) |n><m| on the site, tau its Gibbs state under its own levels;
- heat into a bath: omega per A jump, -omega per A^dag jump (fermionic: omega - mu), E_m - E_n per reset |n><m|;
- negativity of A|B: (||rho^{T_A}||_1 - 1) / 2, for every bipartition, labelled smaller side first (if equal, the
  side holding the first site), names in site order joined by commas;
- pair concurrence: Wootters on the reduced state of every pair of qubit sites, key "i,j" in site order.
"""
import itertools
import json
import math
import os
import sys

import numpy as np


def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        return json.loads(text)
    except ValueError:
        import yaml  # only for real YAML files
        return yaml.safe_load(text)


def number(v):
    """A float from a number or from the strings inf / .inf that the YAML form allows."""
    if isinstance(v, str):
        s = v.strip().lower().lstrip("+")
        if s in ("inf", ".inf", "infinity"):
            return math.inf
        return float(s)
    return float(v)


class Site:
    def __init__(self, spec):
        self.name = spec["name"]
        self.levels = np.array([number(e) for e in spec["levels"]], dtype=float)
        self.ladder = spec.get("ladder", "unit")
        self.d = len(self.levels)
        if self.ladder not in ("unit", "harmonic"):
            raise SystemExit("unknown ladder " + self.ladder)
        w = [1.0 if self.ladder == "unit" else math.sqrt(n + 1) for n in range(self.d - 1)]
        a = np.zeros((self.d, self.d), dtype=complex)
        for n in range(self.d - 1):
            a[n, n + 1] = w[n]
        self.a = a
        self.n = np.diag(np.arange(self.d, dtype=float)).astype(complex)
        self.e = np.diag(self.levels).astype(complex)
        self.omega1 = self.levels[1] - self.levels[0]


def representative(ws):
    """The one omega of a channel whose components lie within the gap rule of each other: their mean."""
    how = os.environ.get("INDEP_OMEGA", "mean")  # other readings, for probing: min, max, first
    if how == "min" or how == "first":
        return float(min(ws))
    if how == "max":
        return float(max(ws))
    return float(np.mean(ws))


class Machine:
    def __init__(self, scenario):
        model = scenario["model"]
        if model.get("type") != "machine":
            raise SystemExit("not a machine: type " + str(model.get("type")))
        self.approach = model.get("approach", "local")
        self.sites = [Site(s) for s in model["sites"]]
        self.index = {s.name: k for k, s in enumerate(self.sites)}
        self.dims = [s.d for s in self.sites]
        self.d = int(np.prod(self.dims))
        self.couplings = model.get("couplings", []) or []
        self.baths = []
        for b in model["baths"]:
            b = dict(b)
            b.setdefault("name", b["site"])
            self.baths.append(b)
        self.H = self.hamiltonian()

    def embed(self, k, op):
        """op on site k, identity elsewhere (first site most significant)."""
        out = np.ones((1, 1), dtype=complex)
        for j, s in enumerate(self.sites):
            out = np.kron(out, op if j == k else np.eye(s.d, dtype=complex))
        return out

    def hamiltonian(self):
        H = np.zeros((self.d, self.d), dtype=complex)
        for k, s in enumerate(self.sites):
            H += self.embed(k, s.e)
        for c in self.couplings:
            i, j = (self.index[n] for n in c["sites"])
            if c["kind"] == "exchange":
                g = number(c["g"])
                ai = self.embed(i, self.sites[i].a)
                aj = self.embed(j, self.sites[j].a)
                H += g * (ai.conj().T @ aj + ai @ aj.conj().T)
            elif c["kind"] == "density":
                U = number(c["U"])
                H += U * self.embed(i, self.sites[i].n) @ self.embed(j, self.sites[j].n)
            else:
                raise SystemExit("unknown coupling " + c["kind"])
        return H

    def bohr_channels(self, k):
        """[(omega, A_omega)] of X_k = a_k + a_k^dag, positive frequencies, grouped by the issue's gap rule."""
        a = self.embed(k, self.sites[k].a)
        X = a + a.conj().T
        if self.approach == "local":
            energies = np.real(np.diag(self.H)).copy()
            V = np.eye(self.d, dtype=complex)
        else:
            Hh = (self.H + self.H.conj().T) / 2
            energies, V = np.linalg.eigh(Hh)
        Xe = V.conj().T @ X @ V
        comps = []  # (omega, i, j): component |i><i| X |j><j| lowers energy by omega = e_j - e_i
        for i in range(self.d):
            for j in range(self.d):
                if Xe[i, j] != 0 and energies[j] - energies[i] >= 0:
                    comps.append((energies[j] - energies[i], i, j))
        if not comps:
            return []
        largest = max(abs(w) for w, _, _ in comps)
        tol = 1e-9 * max(1.0, largest)
        comps.sort(key=lambda c: c[0])
        groups = []
        prev = 0.0  # zero itself heads the first group: the group holding zero is the dropped one
        current = []
        for w, i, j in comps:
            if w - prev > tol:
                groups.append(current)
                current = []
            current.append((w, i, j))
            prev = w
        groups.append(current)
        channels = []
        for g in groups[1:]:  # groups[0] holds zero: the zero-frequency components, dropped
            A = np.zeros((self.d, self.d), dtype=complex)
            for w, i, j in g:
                A[i, j] += Xe[i, j]
            A = V @ A @ V.conj().T
            omega = representative([w for w, _, _ in g])
            channels.append((omega, A))
        return channels

    def jumps(self):
        """[(bath name, L, heat carried per jump)]."""
        out = []
        for b in self.baths:
            k = self.index[b["site"]]
            site = self.sites[k]
            kind = b["kind"]
            T = number(b["T"])
            rate = number(b["rate"])
            if kind == "reset":
                if self.approach == "global":
                    raise SystemExit("reset with global")
                if T == math.inf:
                    tau = np.full(site.d, 1.0 / site.d)
                elif T == 0:
                    tau = np.zeros(site.d)
                    tau[0] = 1.0
                else:
                    x = -(site.levels - site.levels[0]) / T
                    tau = np.exp(x)
                    tau /= tau.sum()
                for n in range(site.d):
                    for m in range(site.d):
                        if tau[n] == 0:
                            continue
                        op = np.zeros((site.d, site.d), dtype=complex)
                        op[n, m] = 1.0
                        L = math.sqrt(rate * tau[n]) * self.embed(k, op)
                        out.append((b["name"], L, site.levels[m] - site.levels[n]))
                continue
            s = number(b.get("spectral_exponent", 0))
            mu = number(b.get("mu", 0.0))
            for omega, A in self.bohr_channels(k):
                gamma = rate * (omega / site.omega1) ** s
                if kind == "bosonic":
                    if T == math.inf:
                        raise SystemExit("bosonic at T = inf")
                    nb = 0.0 if T == 0 or omega / T > 700 else 1.0 / math.expm1(omega / T)
                    down, up, q = gamma * (1 + nb), gamma * nb, omega
                elif kind == "fermionic":
                    x = omega - mu
                    if T == math.inf:
                        f = 0.5
                    elif T == 0:
                        f = 1.0 if x < 0 else (0.0 if x > 0 else 0.5)
                    else:
                        z = x / T
                        f = 1.0 if z < -700 else (0.0 if z > 700 else 1.0 / (math.exp(z) + 1.0))
                    down, up, q = gamma * (1 - f), gamma * f, omega - mu
                else:
                    raise SystemExit("unknown bath kind " + kind)
                if down > 0:
                    out.append((b["name"], math.sqrt(down) * A, q))
                if up > 0:
                    out.append((b["name"], math.sqrt(up) * A.conj().T, -q))
        return out

    def liouvillian(self, jumps):
        """Column-stacked: vec(A rho B) = (B^T kron A) vec(rho)."""
        d = self.d
        eye = np.eye(d, dtype=complex)
        L = -1j * (np.kron(eye, self.H) - np.kron(self.H.T, eye))
        for _, J, _ in jumps:
            JdJ = J.conj().T @ J
            L += np.kron(J.conj(), J) - 0.5 * (np.kron(eye, JdJ) + np.kron(JdJ.T, eye))
        return L

    def steady(self):
        jumps = self.jumps()
        L = self.liouvillian(jumps)
        d = self.d
        trace = np.zeros(d * d, dtype=complex)
        trace[:: d + 1] = 1.0
        M = np.vstack([L, trace[None, :]])
        rhs = np.zeros(d * d + 1, dtype=complex)
        rhs[-1] = 1.0
        x, *_ = np.linalg.lstsq(M, rhs, rcond=None)
        # one refinement step against the residual
        r = rhs - M @ x
        dx, *_ = np.linalg.lstsq(M, r, rcond=None)
        x = x + dx
        rho = x.reshape((d, d), order="F")
        rho = (rho + rho.conj().T) / 2
        rho /= np.trace(rho).real
        sv = np.linalg.svd(L, compute_uv=False)
        return rho, jumps, sv

    # --- observables ---
    def reduced(self, rho, keep):
        keep = sorted(keep)
        n = len(self.sites)
        t = rho.reshape(self.dims + self.dims)
        # trace out the others
        others = [k for k in range(n) if k not in keep]
        letters = "abcdefghijklmnopqrstuvwxyz"
        row = [letters[k] for k in range(n)]
        col = [letters[k].upper() for k in range(n)]
        for k in others:
            col[k] = row[k]
        out = "".join(row[k] for k in keep) + "".join(col[k] for k in keep)
        r = np.einsum("".join(row) + "".join(col) + "->" + out, t)
        dk = int(np.prod([self.dims[k] for k in keep]))
        return r.reshape(dk, dk)

    def partial_transpose(self, rho, side):
        n = len(self.sites)
        t = rho.reshape(self.dims + self.dims)
        axes = list(range(2 * n))
        for k in side:
            axes[k], axes[n + k] = axes[n + k], axes[k]
        return np.transpose(t, axes).reshape(self.d, self.d)

    def negativities(self, rho):
        n = len(self.sites)
        names = [s.name for s in self.sites]
        out = {}
        seen = set()
        for size in range(1, n // 2 + 1):
            for A in itertools.combinations(range(n), size):
                B = tuple(k for k in range(n) if k not in A)
                if len(A) == len(B) and 0 not in A:
                    A, B = B, A
                key = (A, B)
                if key in seen:
                    continue
                seen.add(key)
                pt = self.partial_transpose(rho, A)
                ev = np.linalg.eigvalsh((pt + pt.conj().T) / 2)
                N = (np.sum(np.abs(ev)) - 1) / 2
                label = ",".join(names[k] for k in A) + "|" + ",".join(names[k] for k in B)
                out[label] = float(N)
        return out

    def pair_concurrences(self, rho):
        out = {}
        qubits = [k for k, s in enumerate(self.sites) if s.d == 2]
        sy = np.array([[0, -1j], [1j, 0]])
        yy = np.kron(sy, sy)
        for i, j in itertools.combinations(qubits, 2):
            r = self.reduced(rho, [i, j])
            r = (r + r.conj().T) / 2
            tilde = yy @ r.conj() @ yy
            # eigenvalues of sqrt(r) tilde sqrt(r): Hermitian, the squares of Wootters' lambdas
            w, U = np.linalg.eigh(r)
            sq = U @ np.diag(np.sqrt(np.clip(w, 0, None))) @ U.conj().T
            m = sq @ tilde @ sq
            lam = np.sqrt(np.clip(np.linalg.eigvalsh((m + m.conj().T) / 2), 0, None))
            lam = sorted(lam, reverse=True)
            out[self.sites[i].name + "," + self.sites[j].name] = float(max(0.0, lam[0] - lam[1] - lam[2] - lam[3]))
        return out

    def site_populations(self, rho):
        return {s.name: [float(x) for x in np.real(np.diag(self.reduced(rho, [k])))]
                for k, s in enumerate(self.sites)}

    def heat(self, rho, jumps):
        q = {b["name"]: 0.0 for b in self.baths}
        for name, J, e in jumps:
            q[name] += e * float(np.real(np.trace(J @ rho @ J.conj().T)))
        return q


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: independent_steady.py SCENARIO\n")
        return 2
    m = Machine(load(argv[1]))
    rho, jumps, sv = m.steady()
    heat = m.heat(rho, jumps)
    out = {
        "rho": {"re": np.real(rho).tolist(), "im": np.imag(rho).tolist()},
        "heat": heat,
        "heat_sum": float(sum(heat.values())),
        "negativity": m.negativities(rho),
        "pair_concurrence": m.pair_concurrences(rho),
        "site_populations": m.site_populations(rho),
        # the two smallest singular values of the Liouvillian: one zero, the next not (a unique steady state)
        "liouvillian_smallest_singular_values": [float(x) for x in sorted(sv)[:2]],
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
