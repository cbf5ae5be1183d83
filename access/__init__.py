"""Who may see what: the roles catalog (data/catalogos/usuarios.csv) and the rules that turn a visitor's identity
into the pages and entes they may open. No Streamlit here: commands (e.g. the monthly delivery to titulares)
import the catalog too, and the rules are tested as plain functions."""
