"""Plotly's Spanish locale (the dictionary and formats of plotly.js's `lib/locales/es.js`, with Mexico's number
separators and lower-case month names), passed in each chart's config (`locales`) so the toolbar, its tooltips and
date axes speak Spanish: Streamlit's bundled plotly.js registers no locale but the English one."""
from __future__ import annotations

DICTIONARY = {
    "Autoscale": "Autoescalar",
    "Box Select": "Seleccionar con caja",
    "Compare data on hover": "Comparar datos al pasar el cursor",
    "Double-click on legend to isolate one trace": "Doble clic en la leyenda para aislar una serie",
    "Double-click to zoom back out": "Doble clic para volver a la escala original",
    "Download plot": "Descargar gráfica",
    "Download plot as a png": "Descargar gráfica como PNG",
    "Download plot as a PNG": "Descargar gráfica como PNG",
    "Download plot as JSON": "Descargar gráfica como JSON",
    "Download plot as an svg": "Descargar gráfica como SVG",
    "Lasso Select": "Seleccionar con lazo",
    "Pan": "Desplazar",
    "Produced with Plotly.js": "Hecha con Plotly.js",
    "Reset": "Restablecer",
    "Reset axes": "Restablecer ejes",
    "Reset view": "Restablecer vista",
    "Reset views": "Restablecer vistas",
    "Show closest data on hover": "Mostrar el dato más cercano al pasar el cursor",
    "Snapshot succeeded": "La imagen se descargó",
    "Sorry, there was a problem downloading your snapshot!": "No se pudo descargar la imagen.",
    "Taking snapshot - this may take a few seconds": "Preparando la imagen; puede tardar unos segundos",
    "Toggle Spike Lines": "Mostrar u ocultar líneas guía",
    "Toggle show closest data on hover": "Mostrar u ocultar el dato más cercano al pasar el cursor",
    "Zoom": "Acercar o alejar",
    "Zoom in": "Acercar",
    "Zoom out": "Alejar",
    "trace": "serie",
    "max:": "máx.:", "mean:": "media:", "median:": "mediana:", "min:": "mín.:", "q1:": "q1:", "q3:": "q3:",
    "new text": "texto nuevo",
}
FORMAT = {
    "days": ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
    "shortDays": ["dom", "lun", "mar", "mié", "jue", "vie", "sáb"],
    "months": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
               "noviembre", "diciembre"],
    "shortMonths": ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"],
    "date": "%d/%m/%Y",
    "decimal": ".",
    "thousands": ",",
}
LOCALE = "es-MX"
LOCALES = {LOCALE: {"dictionary": DICTIONARY, "format": FORMAT}}
