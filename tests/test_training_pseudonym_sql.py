"""The CSV fast path computes the pseudonyms inside DuckDB's parsing query (etl/read/pseudonym.py, SqlPseudonyms). They
must be byte for byte the Python ones (PseudonymizingWriter), whatever the text, and no name, e-mail or CURP may be
stored anywhere: not in the file's table, not in its view, not in the scratch database, not in the database file."""
import json
import random

import duckdb
import pytest

import etl.read.source
from etl.read.pseudonym import (NORMALIZERS, PERSONAL_KINDS, SQL_SAFE_RANGES, WHITESPACE, SqlPseudonyms, keyed_hash,
                                person_hashes)
from etl.read.source import read_source

KEYS = [b"", b"k", b"clave-de-prueba-seudonimos", bytes(range(64)), b"una clave de mas de 64 bytes " * 4]
SAFE = [chr(cp) for lo, hi in SQL_SAFE_RANGES for cp in range(lo, hi + 1)]
# Characters DuckDB's strip_accents / upper / lower treat otherwise than Python's NFKD and full case mapping.
UNSAFE = ["ª", "²", "³", "¹", "º", "¼", "½", "¾", "ß", "İ", "Ĳ", "ĳ", "Ŀ", "ŀ", "ŉ", "\u034f"]
TRICKY = [
    "José Ñúñez Peña", "JOSÉ ÑÚÑEZ PEÑA", "jose nunez pena", "Jose\u0301 N\u0303u\u0301n\u0303ez",  # NFD (Mac)
    "  María   de  la  Luz  ", "María\u00a0de\u2003la\u3000Luz", "O’Connor-Ávila", "D'Artagnan", "Çelik Ünal",
    "Łukasz Wałęsa", "Straße", "STRASSE", "ﬁdel ﬂores", "Ｊｏｓé", "Ĳssel", "Ana ½", "Ａｎａ²", "Σοφία ΑΣ",
    "İbrahim", "I\u0307brahim", "Zoë 😀", "---", "...", "\t", " ", "", "a\u200bb", "x\u034fy", "ǅemal",
    " Ana.Perez @Correo.MX ", "ANA.PEREZ@CORREO.MX", "ana.pérez@correo.mx", "ÁNA@CORREO.MX", "a\u00a0b@c.mx",
    " fict000001mqrxxx01 ", "FICT000001MQRXXX01", "fict 000001 mqr", "ŉ", "ǰ", "ﬃ", "ᾳ", "\u2028x\u2029",
]


def sql_hashes(values, key):
    """{kind: [pseudonym of each value]} computed by SqlPseudonyms in one DuckDB query."""
    con = duckdb.connect()
    try:
        con.execute("CREATE TABLE v AS SELECT unnest($v) AS v, generate_subscripts($v, 1) AS i", {"v": list(values)})
        with SqlPseudonyms(con, key=key) as sql:
            select = ", ".join(sql.hash_sql(kind, "v") for kind in PERSONAL_KINDS)
            rows = sql.connection.execute(f"SELECT {select} FROM v ORDER BY i", sql.params).fetchall()
        return {kind: [row[n] for row in rows] for n, kind in enumerate(PERSONAL_KINDS)}
    finally:
        con.close()


def python_hashes(values, key):
    return {kind: [keyed_hash(key, kind, NORMALIZERS[kind](v)) for v in values] for kind in PERSONAL_KINDS}


def differences(values, key):
    got, want = sql_hashes(values, key), python_hashes(values, key)
    return [(kind, v) for kind in PERSONAL_KINDS for v, g, w in zip(values, got[kind], want[kind]) if g != w]


def test_whitespace_is_what_python_strips():
    assert set(WHITESPACE) == {chr(cp) for cp in range(0x110000) if chr(cp).isspace()}


def test_characters_left_to_python_are_outside_the_sql_ranges():
    assert not set(UNSAFE) & set(SAFE)


@pytest.mark.parametrize("key", KEYS, ids=lambda k: f"key{len(k)}")
def test_tricky_values_hash_as_in_python(key):
    assert differences(TRICKY + [None], key) == []


def test_every_sql_safe_character_hashes_as_in_python():
    # Each character alone, between letters, doubled next to a digit and padded: what the SQL normalization may
    # get wrong (accents, case, separators, spaces) shows in one of them.
    values = [t.format(c=c) for c in SAFE for t in ("{c}", "a{c}b", "A{c}{c}1", " {c} ", "{c}ñ{c}")]
    assert differences(values, b"clave") == []


def test_random_text_hashes_as_in_python():
    rnd = random.Random(20261129)
    others = [chr(cp) for cp in range(1, 0x3100) if not 0xD800 <= cp < 0xE000] + ["😀", "\U0001d400"]
    values = []
    for _ in range(30_000):
        pool = SAFE if rnd.random() < 0.85 else others
        values.append("".join(rnd.choice(pool) for _ in range(rnd.randint(0, 14))))
    assert differences(values, b"otra clave") == []


def test_the_python_function_is_gone_after_the_query():
    con = duckdb.connect()
    with SqlPseudonyms(con, key=b"k") as sql:
        name = sql.hash_sql("nombre", "v").rsplit("ELSE ", 1)[1].split("(")[0]
        assert con.execute("SELECT count(*) FROM duckdb_functions() WHERE function_name = ?", [name]).fetchone()[0]
    assert con.execute("SELECT count(*) FROM duckdb_functions() WHERE function_name = ?", [name]).fetchone()[0] == 0


# ------------------------------------------------------------------------------------------- the read itself

HEADER = "Nombre,Correo,CURP,Institución,Cargo,Es de la UT,Integra el Comité,Clave del curso,Fecha,Asistió"
PEOPLE = [  # (nombre, correo, curp): ASCII, accents, odd spaces and characters only Python normalizes
    ("Zacarías Quintanilla Ibarra", "zacarias.quintanilla@ejemplo.invalid", "QUIZ800101HQRBRC09"),
    ("  ZACARÍAS  QUINTANILLA IBARRA ", " Zacarias.Quintanilla @Ejemplo.INVALID", "quiz800101hqrbrc09"),
    ("Ñoño Ŀlosa Straße", "ñoño.straße@ejemplo.invalid", "ÑOÑO800101HQRBRC09"),
    ("Jose\u0301 Pe\u0301rez\u00a0Ávila", "jose\u0301@ejemplo.invalid", "PEAJ800101\u2003HQRBRC09"),
    ("İlkay ½ Öztürk", "İLKAY@ejemplo.invalid", "ÖZTI800101HQRBRC09"),
    ("Ｊｕａｎ Ｌóｐｅｚ", "juan.lopez@ejemplo.invalid", ""),
    ("---", "", ""),
]
NEEDLES = ["Zacar", "Quintanilla", "quintanilla@", "QUIZ800101", "Ñoño", "Ŀlosa", "Straße", "Pérez", "Pe\u0301rez",
           "Ávila", "jose", "PEAJ800101", "İlkay", "Öztürk", "ILKAY", "ÖZTI800101", "Ｊｕａｎ", "juan.lopez",
           "ejemplo.invalid", "EJEMPLO.INVALID"]


def attendance_lines(people=PEOPLE):
    return [HEADER] + [f"{n},{c},{curp},SEFIPLAN,Analista,Sí,No,C1,10/05/2024,Sí" for n, c, curp in people]


def write_csv(tmp_path, lines, name="lista.csv", newline="\n"):
    path = tmp_path / name
    path.write_bytes((newline.join(lines) + newline).encode("utf-8"))
    return path


def careful_read(path, con, table, monkeypatch):
    """The reference: the same file through the careful reader (Python csv + PseudonymizingWriter)."""
    with monkeypatch.context() as patch:
        patch.setattr(etl.read.source, "utf8_head", lambda _path: None)
        result = read_source(path, "asistencias", con, table)
    assert result.lector == "detallado"
    return result


def rows(con, table):
    return con.execute(f"SELECT * FROM {table} ORDER BY fila").fetchall()


def test_fast_path_rows_equal_the_careful_readers(tmp_path, monkeypatch):
    monkeypatch.setenv("TABLERO_SECRETO", "clave-de-prueba")
    path = write_csv(tmp_path, attendance_lines())
    con = duckdb.connect()
    fast = read_source(path, "asistencias", con, "rapida")
    assert fast.lector == "duckdb", "the file should have taken the fast path"
    careful = careful_read(path, con, "cuidadosa", monkeypatch)
    assert rows(con, "rapida") == rows(con, "cuidadosa")
    assert (fast.filas_leidas, fast.avisos, fast.rechazos, fast.codificacion, fast.columnas) == \
        (careful.filas_leidas, careful.avisos, careful.rechazos, careful.codificacion, careful.columnas)
    key = b"clave-de-prueba"
    expected = [person_hashes(key, curp or None, correo or None, nombre) for nombre, correo, curp in PEOPLE]
    got = con.execute("SELECT hash_curp, hash_correo, hash_nombre FROM rapida ORDER BY fila").fetchall()
    assert [list(r) for r in got] == expected
    assert got[-1] == (None, None, None)  # "---" is no name
    # the same person, written two ways, is one pseudonym
    assert got[0] == got[1]


def operators(plan) -> set[str]:
    """The operator names of an EXPLAIN (FORMAT json) plan."""
    return {name for node in plan for name in [node["name"], *operators(node.get("children", []))]}


def test_nothing_personal_is_stored_by_the_read(tmp_path, monkeypatch):
    monkeypatch.setenv("TABLERO_SECRETO", "clave-de-prueba")
    path = write_csv(tmp_path, attendance_lines())
    db = tmp_path / "almacen.duckdb"
    con = duckdb.connect(str(db))
    con.execute("ATTACH ':memory:' AS lectura")  # the build's scratch database
    plans = []
    enter = SqlPseudonyms.__enter__

    def recording_enter(self):
        # Keep the operators of every query run with the pseudonyms: it must stream, the scan straight into the
        # projection that hashes, with no operator that holds rows and could spill them to disk (sort, join,
        # aggregate, window).
        enter(self)
        cursor = self.connection

        class Recorder:
            def __getattr__(self, name):
                return getattr(cursor, name)

            def execute(self, sql, params=None):
                plan = json.loads(cursor.execute("EXPLAIN (FORMAT json) " + sql, params).fetchone()[1])
                plans.append(operators(plan))
                return cursor.execute(sql, params)

        self.connection = Recorder()
        return self

    monkeypatch.setattr(SqlPseudonyms, "__enter__", recording_enter)
    result = read_source(path, "asistencias", con, "lectura.archivo_0001")
    assert result.lector == "duckdb" and result.filas_leidas == len(PEOPLE)
    assert plans == [{"BATCH_CREATE_TABLE_AS", "PROJECTION", "READ_CSV"}]
    columns = con.execute("""SELECT database_name, schema_name, table_name, column_name FROM duckdb_columns()
                             WHERE data_type = 'VARCHAR' AND NOT internal""").fetchall()
    assert {(d, t) for d, _s, t, _c in columns} >= {("lectura", "archivo_0001"), ("lectura", "archivo_0001__csv")}
    for database, schema, table, column in columns:
        for needle in NEEDLES:
            hits = con.execute(f'SELECT count(*) FROM "{database}"."{schema}"."{table}" '
                               f'WHERE strpos(lower("{column}"), lower(?)) > 0', [needle]).fetchone()[0]
            assert hits == 0, (table, column, needle)
    assert not [c for c in columns if c[3] in ("nombre", "correo", "curp")]
    con.execute("CREATE TABLE copia AS SELECT * FROM lectura.archivo_0001")  # what the build would keep, on disk
    con.execute("CHECKPOINT")
    con.close()
    raw = db.read_bytes()
    for needle in NEEDLES + ["clave-de-prueba"]:
        assert needle.encode("utf-8") not in raw, needle


def unusual_file(tmp_path, case):
    lines = attendance_lines(PEOPLE[:3])
    if case == "space_before_quote":  # Python's csv keeps ` "x"` as it is; DuckDB reads x
        lines.append('Ana Ficticia, "ana@ejemplo.invalid",,SEFIPLAN,Analista,Sí,No,C1,10/05/2024,Sí')
    elif case == "cr_in_quotes":  # Python's csv counts a lone CR as a line (the rows after it shift); DuckDB not
        lines[2] = lines[2].replace(",Analista,", ',"Anal\rista",')
    elif case == "mac_line_ends":  # DuckDB's parser stops with an error; the careful reader reads the rows
        return write_csv(tmp_path, lines, newline="\r")
    elif case == "cp1252_in_unread_column":
        # After the first megabyte (checked before DuckDB runs), in the position column, which the tablero does
        # not read: the careful reader transcodes such a file as cp1252, so it must be the one to read it (DuckDB
        # 2.0 happens to skip the row too; the whole-file UTF-8 check does not rely on that).
        filler = [f"Relleno {i},,,SEFIPLAN,Analista,Sí,No,C1,10/05/2024,Sí" for i in range(20_000)]
        data = ("\n".join(lines + filler) + "\n").encode("utf-8")
        path = tmp_path / "lista.csv"
        path.write_bytes(data + "Zoe Relleno,,,SEFIPLAN,Analísta,Sí,No,C1,10/05/2024,Sí\n".encode("cp1252"))
        assert len(data) > 1 << 20 and etl.read.source.utf8_head(path)
        return path
    return write_csv(tmp_path, lines)


@pytest.mark.parametrize("case", ["space_before_quote", "cr_in_quotes", "mac_line_ends", "cp1252_in_unread_column"])
def test_files_duckdb_would_read_otherwise_go_to_the_careful_reader(tmp_path, monkeypatch, case):
    monkeypatch.setenv("TABLERO_SECRETO", "clave-de-prueba")
    path = unusual_file(tmp_path, case)
    con = duckdb.connect()
    result = read_source(path, "asistencias", con, "leida")
    assert result.lector == "detallado"  # read by the careful reader, not the fast path
    careful_read(path, con, "referencia", monkeypatch)
    assert rows(con, "leida") == rows(con, "referencia")
    assert con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE '%__csv'").fetchone() \
        == (0,)  # the fast path's table is gone
