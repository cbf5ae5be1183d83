"""The floor of the browser benchmark (bench/browser_times.py): a bare Streamlit page (a title and a sentence),
served like the tablero (same .streamlit/config.toml). What any Streamlit page costs a browser and the server; a
page's time as a ratio to it is what the tablero adds."""
import streamlit as st

st.title("Piso")
st.write("Una página mínima de Streamlit.")
