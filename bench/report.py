"""bench/results.json and bench/results.md: this run beside the previous one and the baseline.

The baseline (bench/baseline.json) is the run made before the speed work, kept so that
the before/after stays visible however many runs follow.
"""

from __future__ import annotations

import json
from pathlib import Path

from macros.review.page_weight import FIRST_ROUND_TRIP

KB = 1024


def _get(results: dict, *path, default=None):
    for key in path:
        if not isinstance(results, dict) or key not in results:
            return default
        results = results[key]
    return results


def rows(results: dict) -> list[tuple[str, str, object]]:
    """(metric, unit, value) for every number a reader compares between runs."""
    out = []
    real = results.get("real", {})
    out.append(("real site: clean build (median)", "s", _get(real, "build", "median_s")))
    for edit in ("data", "post"):
        out.append((f"real site: save-to-reload under make serve, {edit} edit (median)", "s",
                    _get(real, "serve_rebuild", edit, "median_s")))
    out.append(("real site: make review, one figure changed (median)", "s", _get(real, "review", "review_s")))
    out.append(("real site: make review / one clean build", "x", _get(real, "review", "ratio")))
    out.append(("real site: peak memory of a build", "MB", _get(real, "build", "peak_rss_mb")))
    out.append(("real site: output size", "KB", _kb(real.get("output_bytes"))))
    out.append(("real site: search index (Pagefind): files, KB", "", _index(real.get("search_index"))))
    for page, fv in (real.get("first_view") or {}).items():
        out.append((f"real site: first view of {page}, total raw / gzip", "KB",
                    _pair(fv["total"]["raw"], fv["total"]["gzip"])))
        if page == "essay":
            for kind in ("html", "css", "js", "search index", "other"):
                part = fv.get(kind, {"raw": 0, "gzip": 0})
                out.append((f"real site: first view of essay, {kind} raw / gzip", "KB",
                            _pair(part["raw"], part["gzip"])))
    for page, sides in (real.get("lighthouse") or {}).items():
        if "ours" not in sides:  # a run from before issue 14 scored this site alone
            continue
        for side, lh in sides.items():
            name = f"Lighthouse mobile, {page}, {'this site' if side == 'ours' else 'stock Material'}"
            if "error" in lh:
                out.append((f"{name}: perf / a11y / best pr. / SEO", "", "failed"))
                continue
            s = lh["scores"]
            out.append((f"{name}: perf / a11y / best pr. / SEO (medians)", "",
                        " / ".join(str(s[c]) for c in ("performance", "accessibility", "best-practices", "seo"))))
            out.append((f"{name}: each run's perf; median TBT / LCP", "ms",
                        f"{_listed(lh['performance_runs'])}; {lh['tbt_ms']} / {lh['lcp_ms']}"))
            if "lcp_ms_runs" in lh:  # runs before issue 20 kept the medians alone
                out.append((f"{name}: each run's LCP; each run's TBT", "ms",
                            f"{_listed(lh['lcp_ms_runs'])}; {_listed(lh['tbt_ms_runs'])}"))
                out.append((f"{name}: HTML sent, headers included (median)", "B", lh["html_bytes"]))
    if real.get("search"):
        out += _search_rows("real site: search", real["search"])
    for n, r in results.get("synthetic", {}).items():
        p = f"N={n}:"
        out.append((f"{p} clean build, macros on (median)", "s", r["build_macros_on"]["median_s"]))
        out.append((f"{p} clean build, macros off (median)", "s", r["build_macros_off"]["median_s"]))
        out.append((f"{p} macros on / off", "x", r["macros_ratio"]))
        if "build_stock" in r:
            out.append((f"{p} clean build, same articles in stock Material + blog, no data pages (median)", "s",
                        r["build_stock"]["median_s"]))
            out.append((f"{p} this site / stock Material", "x", r["stock_ratio"]))
        if r.get("review"):
            out.append((f"{p} make review, one figure changed (median)", "s", r["review"]["review_s"]))
            out.append((f"{p} make review / one clean build", "x", r["review"]["ratio"]))
        out.append((f"{p} build time per item", "ms", r["ms_per_item"]))
        out.append((f"{p} peak memory", "MB", r["build_macros_on"]["peak_rss_mb"]))
        out.append((f"{p} output size", "MB", round(r["output_bytes"] / KB / KB, 1)))
        out.append((f"{p} item page HTML mean / max", "KB",
                    _pair(r["item_html_bytes"]["mean"], r["item_html_bytes"]["max"])))
        out.append((f"{p} Rundown index pages", "", r["rundown_index_pages"]))
        for page, size in (r.get("data_pages_html") or {}).items():
            out.append((f"{p} {page} page HTML raw / gzip", "KB", _pair(size["raw"], size["gzip"])))
        out.append((f"{p} search index, this site (Pagefind): files, KB", "", _index(r.get("search_index"))))
        out.append((f"{p} search index, stock Material (lunr JSON): raw / gzip", "KB",
                    _pair(_get(r, "search_index_stock", "raw"), _get(r, "search_index_stock", "gzip"))))
        for page, fv in (r.get("first_view") or {}).items():
            out.append((f"{p} first view of {page}, raw / gzip", "KB",
                        _pair(fv["total"]["raw"], fv["total"]["gzip"])))
        for key, engine in (("search", "this site (Pagefind)"), ("search_stock", "stock Material (lunr)")):
            if r.get(key):
                out += _search_rows(f"{p} search, {engine}", r[key])
        for edit in ("data", "post"):
            if _get(r, "serve_rebuild", edit):
                out.append((f"{p} save-to-reload under make serve, {edit} edit (median; runs)", "s",
                            f"{r['serve_rebuild'][edit]['median_s']}; "
                            f"{_listed(r['serve_rebuild'][edit]['runs_s'])}"))
    return out


def _search_rows(name: str, search: dict) -> list[tuple[str, str, object]]:
    # Named as before runs were repeated, so that a run sits beside the ones before it.
    rows = [(f"{name}, first result cold / warm", "ms", _pair(search["cold_ms"], search["warm_ms"], 1))]
    if "warm_runs" in search:  # runs before issue 19's last stop timed one page load
        rows.append((f"{name}, each run's cold; each run's warm", "ms",
                     f"{_listed(search['cold_runs'])}; {_listed(search['warm_runs'])}"))
    return rows


def _listed(values) -> str:
    """Each run's figure, in the order run: "1.1, 0.98, 1.2"."""
    return ", ".join(map(str, values))


def _index(idx: dict | None):
    return None if not idx else f"{idx.get('files', 1)} files, {_kb(idx['raw'])} KB, {idx['entries']} pages"


def _kb(value):
    return None if value is None else round(value / KB, 1)


def _pair(a, b, digits=None):
    if a is None or b is None:
        return None
    if digits is None:
        a, b = _kb(a), _kb(b)
    return f"{a} / {b}"


def targets(results: dict) -> list[tuple[str, str, object, bool | None, str]]:
    """(target, what it asks, measured value, met?, why) for issue 14's targets ("Done
    when", at the largest N), issue 20's (Lighthouse against stock Material, page by page)
    and the earlier ones still kept."""
    real = results.get("real", {})
    syn = results.get("synthetic", {})
    n_big = max(map(int, syn), default=0)
    big = syn.get(str(n_big), {})
    out = []

    def add(name, goal, value, ok, why=""):
        out.append((name, goal, value, None if value is None else ok, why))

    if big.get("search"):
        cold, warm = big["search"]["cold_ms"], big["search"]["warm_ms"]
        stock = big.get("search_stock") or {}
        context = f" (stock Material's lunr: {stock.get('cold_ms')} / {stock.get('warm_ms')} ms)" if stock else ""
        add(f"N={n_big} search, first result after a cold load", "≤ 300 ms", cold, cold <= 300,
            "Pagefind fetches the engine and the index pieces the query needs" + context)
        add(f"N={n_big} search, warm query", "≤ 30 ms", warm, warm <= 30,
            "a new word costs two fetches: its piece of the index, then the first result's excerpt")
    if n_big and "build_stock" in big:
        ratio = big["stock_ratio"]
        add(f"N={n_big} clean build / stock Material + blog", "≤ 1.3x",
            f"{ratio}x ({big['build_macros_on']['median_s']} s / {big['build_stock']['median_s']} s)",
            ratio <= 1.3, "stock has no figures or sources lists (100+ pages of entries at 1,000 items), "
            "no article template, notes or data checks; bench/notes.md")
    for edit, what in (("data", "a figure in data/figures.yml"), ("post", "a Rundown item")):
        serve = _get(big, "serve_rebuild", edit)
        if serve:
            add(f"N={n_big} save-to-reload under make serve, {edit} edit", "≤ 2 s", serve["median_s"],
                serve["median_s"] <= 2, f"a preview of {big['serve_rebuild'].get('preview_items')} items; "
                f"saving {what}; runs {_listed(serve['runs_s'])} s")
    views = [(f"real {page}", fv["total"]["gzip"]) for page, fv in (real.get("first_view") or {}).items()]
    for n, r in syn.items():
        views += [(f"N={n} {page}", fv["total"]["gzip"]) for page, fv in (r.get("first_view") or {}).items()]
    if views:
        worst = max(views, key=lambda v: v[1])
        add("first view of any page, gzip (largest)", "≤ 100 KB", f"{_kb(worst[1])} ({worst[0]})",
            worst[1] <= 100 * KB, "search loads nothing until it is used")
    for page, sides in (real.get("lighthouse") or {}).items():
        if "ours" not in sides:
            continue
        ours, stock = sides["ours"], sides["stock"]
        if "error" in ours or "error" in stock:
            add(f"Lighthouse mobile, {page}", "as below",
                f"failed: {(ours.get('error') or stock.get('error'))[:120]}", False)
            continue
        runs = lambda key: (f"runs {_listed(ours[key])} against {_listed(stock[key])}"
                            if key in ours and key in stock else "")
        why = "interleaved runs, ours then stock's on each page; the table below has each run's figures"
        a, b = ours["lcp_ms"], stock["lcp_ms"]
        add(f"Lighthouse mobile LCP, {page}", "median ≤ stock Material's", f"{a} against {b} ms ({runs('lcp_ms_runs')})",
            a <= b, why)
        a, b = ours["tbt_ms"], stock["tbt_ms"]
        add(f"Lighthouse mobile TBT, {page}", "median ≤ stock Material's + 20 ms",
            f"{a} against {b} ms ({runs('tbt_ms_runs')})", a <= b + 20, why)
        a, b = ours["scores"]["performance"], stock["scores"]["performance"]
        perfect = page in ("essay", "figures")
        add(f"Lighthouse mobile performance, {page}", "median ≥ stock Material's" + (", and 100" if perfect else ""),
            f"{a} against {b} ({runs('performance_runs')})", a >= b and (a == 100 or not perfect), why)
        if "html_bytes" in ours:
            add(f"HTML sent in one round trip, {page}", f"≤ {FIRST_ROUND_TRIP:,} B", ours["html_bytes"],
                ours["html_bytes"] <= FIRST_ROUND_TRIP, "past it Lighthouse's simulated phone waits a round trip more "
                f"before anything can paint (stock Material's: {stock.get('html_bytes')} B)")
    reviewed = [("real site", real.get("review"))] + [(f"N={n}", r.get("review")) for n, r in syn.items()]
    for where, review in reviewed:
        if review:
            add(f"{where} make review / one clean build (issue 18)", "≤ 2.5x",
                f"{review['ratio']}x ({review['review_s']} s / {review['build_s']} s)", review["ratio"] <= 2.5,
                "BASE and the working tree built at once, then compared; each review timed beside a "
                f"clean build, in turn (reviews {_listed(review['runs_s'])} s)")
    b = _get(real, "build", "median_s")
    add("real site clean build (issue 6)", "≤ 2 s", b, b is not None and b <= 2)
    if n_big:
        v = big["item_html_bytes"]["max"]
        add(f"N={n_big} item page HTML, largest (issue 6)", "≤ 60 KB", _kb(v), v <= 60 * KB)
    marginal = _marginal(syn)
    if marginal:
        (lo, lo_ms), (hi, hi_ms) = marginal[0], marginal[-1]
        add("cost per added item stays flat", "last step ≤ 1.5x the first",
            f"{lo}: {lo_ms} ms, {hi}: {hi_ms} ms", hi_ms <= 1.5 * max(lo_ms, 0.1))
    return out


def _marginal(syn: dict) -> list[tuple[str, float]]:
    """ms each added item costs between consecutive sizes (macros on)."""
    sizes = sorted(map(int, syn))
    steps = []
    for a, b in zip(sizes, sizes[1:]):
        ta, tb = (syn[str(x)]["build_macros_on"]["median_s"] for x in (a, b))
        steps.append((f"{a}→{b}", round(1000 * (tb - ta) / (b - a), 2)))
    return steps


def _load(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _show(value) -> str:
    return "–" if value is None else str(value)


def markdown(results: dict, previous: dict | None, baseline: dict | None) -> str:
    meta = results["meta"]
    m = meta["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"Run of {meta['date']}, {meta['duration_s']} s, {meta['reps']} clean build(s) per variant "
        f"(median), N = {_listed(meta['sizes'])}. "
        f"Load average (1/5/15 min) at start {_load_avg(meta['load_at_start'])}, "
        f"at end {_load_avg(meta['load_at_end'])}." + (f" {meta['label']}" if meta.get("label") else ""),
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB; {m['os']}; Python {m['python']}; "
        + ", ".join(f"{k} {v}" for k, v in m["packages"].items())
        + f"; {m['chromium']}; Node {m['node']}; Lighthouse {m['lighthouse']}; commit {m['commit']}.",
        "",
        "Absolute times depend on the machine and its load: compare ratios measured in one run, "
        "and absolute times only between runs on a quiet machine.",
        "",
        "## Targets (issues 14, 18 and 20, and issue 6's still kept)",
        "",
        "| target | goal | this run | met | why |",
        "|---|---|---|---|---|",
    ]
    for name, goal, value, ok, why in targets(results):
        met = "–" if ok is None else ("yes" if ok else "**no**")
        lines.append(f"| {name} | {goal} | {_show(value)} | {met} | {why} |")
    columns = [("this run", results)]
    if previous:
        columns.append((f"previous run ({previous['meta']['date']})", previous))
    if baseline:
        columns.append((f"baseline before the speed work ({baseline['meta']['date']})", baseline))
    keyed = [{name: value for name, _, value in rows(r)} for _, r in columns]
    lines += ["", "## All measurements", "",
              "| measurement | unit | " + " | ".join(c for c, _ in columns) + " |",
              "|---|---|" + "---|" * len(columns)]
    for name, unit, _ in rows(results):
        lines.append(f"| {name} | {unit} | " + " | ".join(_show(k.get(name)) for k in keyed) + " |")
    lines += ["", "First view: bytes the static host sent (gzip on) for one page view on a phone "
              "with an empty cache, until the network was quiet; HTTP headers not counted. "
              "Search: time from entering a query to the first result on screen, measured in the "
              "page; cold = the first query right after the page loaded (engine and index fetch "
              "included), warm = a second query: the median of several page loads, each listed "
              "in the row below it (runs without that row timed one). Save-to-reload: from "
              "writing the file to the served page showing the change, under `make serve` (a preview: README).", ""]
    notes = ROOT_NOTES.read_text(encoding="utf-8") if ROOT_NOTES.exists() else ""
    if notes:
        lines += [notes.rstrip(), ""]
    return "\n".join(lines)


ROOT_NOTES = Path(__file__).resolve().parent / "notes.md"


def _load_avg(values) -> str:
    return " / ".join(f"{v:.2f}" for v in values)


def write(results: dict, out: Path) -> None:
    """Write results.json and results.md in `out`, comparing with the results.json there."""
    out.mkdir(parents=True, exist_ok=True)
    previous = _load(out / "results.json")
    baseline = _load(Path(__file__).resolve().parent / "baseline.json")
    (out / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    (out / "results.md").write_text(markdown(results, previous, baseline), encoding="utf-8")
