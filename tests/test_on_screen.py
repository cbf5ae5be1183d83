"""A long table or chart shows its first rows with the sentence saying how many of how many and where the rest is
(pages/ui/on_screen.py); a search box finds any ente; the ente picker of a national catalog offers a searchable
part. Frames of 250 entes named «Ente 0» … «Ente 249», in that (ranked) order."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest

from conftest import plain


def table_script(head: int = 100, tail: int = 0, rows: int = 250):
    import pandas as pd
    import streamlit as st

    from pages.ui.on_screen import table_rows
    from pages.ui.tables import show_table

    frame = pd.DataFrame({"Ente": [f"Ente {i}" for i in range(rows)], "Siglas": [f"E{i}" for i in range(rows)],
                          "Lugar": range(1, rows + 1)})
    show_table(table_rows(frame, key="t", noun="entes", which="los primeros lugares", search=["Ente", "Siglas"],
                          head=head, tail=tail), key="t")
    st.download_button("Descargar CSV", data=frame.to_csv(index=False), file_name="t.csv")


def run(script, **kwargs) -> AppTest:
    at = AppTest.from_function(script, kwargs=kwargs, default_timeout=30)
    return at.run()


def shown(at: AppTest) -> list[str]:
    return at.dataframe[0].value["Ente"].tolist()


def test_a_long_table_shows_its_first_rows_and_says_where_the_rest_is():
    at = run(table_script)
    assert not at.exception
    assert shown(at) == [f"Ente {i}" for i in range(100)]
    assert [plain(c.value) for c in at.caption] == [
        "La tabla muestra 100 de 250 entes (los primeros lugares); el CSV de la tabla tiene la lista completa; "
        "el buscador encuentra cualquier otro."]


def test_a_ranking_shows_both_ends():
    at = run(table_script, head=50, tail=50)
    assert shown(at) == [f"Ente {i}" for i in [*range(50), *range(200, 250)]]  # 50 first, 50 last of 250
    assert at.caption[0].value.startswith("La tabla muestra 100 de 250 entes")


def test_the_search_finds_any_ente_ignoring_accents_and_case():
    at = run(table_script)
    at.text_input(key="buscar_t").input("ÉNTE 24").run()
    # «ente 24» is in «Ente 24» and «Ente 240» … «Ente 249»: 1 + 10 = 11 rows
    assert shown(at) == ["Ente 24", *[f"Ente {i}" for i in range(240, 250)]]
    assert plain(at.caption[0].value) == "11 de 250 entes contienen «ÉNTE 24»."
    at.text_input(key="buscar_t").input("E7").run()  # siglas too: E7 and E70…E79 (E170 has no «E7») = 11
    assert shown(at) == ["Ente 7", *[f"Ente {i}" for i in range(70, 80)]]


def test_a_short_table_is_drawn_whole_without_a_sentence_or_search():
    at = run(table_script, rows=100)
    assert len(shown(at)) == 100 and not at.caption and not at.text_input


def chart_script():
    import pandas as pd
    import streamlit as st

    from pages.ui.on_screen import chart_rows

    bars = chart_rows(pd.DataFrame({"Ente": [f"Ente {i}" for i in range(60)]}), noun="entes ordenados",
                      which="los primeros y los últimos lugares")
    st.write(", ".join(bars["Ente"]))


def test_a_long_chart_keeps_25_bars_at_each_end():
    at = run(chart_script)
    assert at.markdown[0].value == ", ".join(f"Ente {i}" for i in [*range(25), *range(35, 60)])
    assert plain(at.caption[0].value) == ("La gráfica muestra 50 de 60 entes ordenados (los primeros y los últimos lugares); "
                                   "la tabla y su CSV tienen la lista completa.")


def picker_script(entes: int = 250):
    import streamlit as st

    from pages.ui.layout import TODOS
    from pages.ui.on_screen import ente_picker

    # what layout.start_page records: after the first run, the widgets (not the URL) hold the choice
    st.session_state["_pagina_llegada"] = None if st.session_state.get("_pagina_corrida") == "prueba" else "prueba"
    st.session_state["_pagina_corrida"] = "prueba"
    ids = [f"E{i}" for i in range(entes)]
    chosen = ente_picker("Ente", [TODOS, *ids], "ente", TODOS, pinned=(TODOS,),
                         format_func=lambda e: "Todos los entes" if e == TODOS else f"Ente {e[1:]}")
    st.write(f"elegido: {chosen}")


def test_the_picker_of_a_national_catalog_offers_a_part_and_a_search():
    at = run(picker_script)
    box = at.selectbox(key="f_ente")
    assert len(box.options) == 201 and box.options[0] == "Todos los entes"  # «Todos» and the first 200
    at.text_input(key="buscar_ente").input("ente 24").run()
    assert at.selectbox(key="f_ente").options == ["Todos los entes", "Ente 24", *[f"Ente {i}" for i in range(240, 250)]]
    at.selectbox(key="f_ente").select("E245").run()
    assert at.markdown[-1].value == "elegido: E245"
    at.text_input(key="buscar_ente").input("ente 3").run()  # the chosen ente stays offered beside the new matches
    assert at.selectbox(key="f_ente").options[:3] == ["Todos los entes", "Ente 245", "Ente 3"]
    assert at.selectbox(key="f_ente").value == "E245"


def test_an_ente_named_in_the_url_is_offered_without_searching():
    at = AppTest.from_function(picker_script, default_timeout=30)
    at.query_params["ente"] = "E249"
    at.run()
    assert at.selectbox(key="f_ente").value == "E249" and not at.warning
    assert "Ente 249" in at.selectbox(key="f_ente").options


def test_a_small_catalog_gets_the_plain_picker():
    at = run(picker_script, entes=31)
    assert len(at.selectbox(key="f_ente").options) == 32 and not at.text_input


def test_the_readme_says_the_numbers_the_code_uses():
    from pathlib import Path

    from pages.ui.on_screen import PICKER_OPTIONS, TABLE_ROWS

    readme = " ".join((Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").split())
    assert f"una tabla larga muestra sus {TABLE_ROWS} primeras filas" in readme
    assert f"el selector de ente ofrece {PICKER_OPTIONS} entes" in readme
