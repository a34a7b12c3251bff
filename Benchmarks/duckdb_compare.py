"""Runs the statements `schakel bench indicators` recorded in DuckDB, on the same figure tables
copied from the SQLite file (or, for PostgreSQL, read with psql's COPY), and prints each
indicator's DuckDB time next to Schakel's and the ratio. DuckDB is an in-process column store:
the ratio says what an analytical engine would gain, not what Schakel must reach."""
import csv, json, os, re, subprocess, sqlite3, statistics, sys, tempfile, time, uuid

import duckdb

source, statements_path = sys.argv[1], sys.argv[2]
tables = ["fact_persons", "fact_referrals"]
con = duckdb.connect()
started = time.perf_counter()
with tempfile.TemporaryDirectory() as directory:
    for table in tables:
        path = os.path.join(directory, f"{table}.csv")
        if source.startswith("sqlite:"):
            lite = sqlite3.connect(source[len("sqlite:"):])
            cursor = lite.execute(f"SELECT * FROM {table}")
            with open(path, "w", newline="") as out:
                writer = csv.writer(out)
                writer.writerow([d[0] for d in cursor.description])
                for row in cursor:
                    # Fluent keeps UUIDs in SQLite as 16-byte blobs; DuckDB gets their text.
                    writer.writerow([str(uuid.UUID(bytes=v)) if isinstance(v, bytes) else v for v in row])
            lite.close()
        else:
            with open(path, "w") as out:
                subprocess.run(["psql", source, "-q", "-c", f"\\copy {table} TO STDOUT WITH CSV HEADER"], stdout=out, check=True)
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv_auto('{path}', header=true)")
print(f"exported to DuckDB in {time.perf_counter() - started:.1f} s")

recorded = json.load(open(statements_path))
print(f"{'indicator':<14} {'filter':<14} {'schakel_ms':>10} {'duckdb_ms':>10} {'ratio':>8}")
for entry in recorded:
    if not entry["statements"]:
        print(f"{entry['indicator']:<14} {entry['filter']:<14} {entry['median_ms']:>10.1f} {'n/a':>10} {'n/a':>8}")
        continue
    runs = []
    for _ in range(5):
        begin = time.perf_counter()
        for statement in entry["statements"]:
            # SQLite numbers its placeholders ?1, PostgreSQL $1; DuckDB takes $1.
            sql = re.sub(r"\?(\d+)", r"$\1", statement["sql"])
            con.execute(sql, statement["binds"]).fetchall()
        runs.append((time.perf_counter() - begin) * 1000)
    duck = statistics.median(runs)
    print(f"{entry['indicator']:<14} {entry['filter']:<14} {entry['median_ms']:>10.1f} {duck:>10.1f} {entry['median_ms'] / max(duck, 0.001):>7.1f}x")
