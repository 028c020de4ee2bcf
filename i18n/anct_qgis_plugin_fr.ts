<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>AnctAlgorithm</name>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="63" />
      <source>Catalogue id of the layer: </source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="38" />
      <source>FR for the whole country, a département code (36, 2A, 974), a région (reg:24 or its name), an EPCI SIREN (243600327), a commune INSEE code (36044), or an unambiguous name (Châteauroux).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_territory_pack.py" line="17" />
      <source>Fetch a territory pack (GeoPackage)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="58" />
      <source>Fetch an ANCT layer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="73" />
      <source>Fetching {layer} for {territory}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_territory_pack.py" line="21" />
      <source>GeoPackage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_territory_pack.py" line="21" />
      <source>GeoPackage (*.gpkg)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="61" />
      <source>Layer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_territory_pack.py" line="25" />
      <source>Layers unavailable</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_territory_pack.py" line="24" />
      <source>Layers written</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="41" />
      <source>Leave empty for EPSG:2154 in metropolitan France and the local projected CRS overseas.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_territory_pack.py" line="22" />
      <source>One table per catalogue layer plus a table '{table}' describing sources, dates and layers that could not be had.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="41" />
      <source>Output CRS</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="66" />
      <source>Output layer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="38" />
      <source>Territory</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="67" />
      <source>The layer, restricted to the territory, with the published field names.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="84" />
      <source>{n} features — source dated {date}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>AnctCore</name>
    <message>
      <location filename="../anct_qgis_plugin/core/territories.py" line="168" />
      <source>'{text}' is ambiguous: {choices}. Give a code instead.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/http.py" line="146" />
      <source>(after {n} attempts)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/layers.py" line="159" />
      <source>Cancelled.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/pack.py" line="44" />
      <source>Cannot write table {table} to {path}: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/parsers.py" line="82" />
      <source>Column '{column}' is missing in {file} (source '{source}'); columns found: {found}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/layers.py" line="354" />
      <source>Commune outlines for {territory}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/http.py" line="139" />
      <source>Connection failed for {url}: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/datagouv.py" line="24" />
      <source>Dataset '{dataset}' has no {formats} file matching '{pattern}'. Files published: {available}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/territories.py" line="185" />
      <source>Did you mean: {choices}?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/http.py" line="126" />
      <source>Download cancelled: {url}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/fetcher.py" line="128" />
      <source>Downloading {url}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/territories.py" line="117" />
      <source>EPCI {code}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/fetcher.py" line="35" />
      <source>Empty file received from {url}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/http.py" line="133" />
      <source>HTTP {status} from {url}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/http.py" line="61" />
      <source>No QGIS proxy: system settings and HTTP(S)_PROXY variables apply</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/http.py" line="135" />
      <source>No answer within {seconds:g} s from {url}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/territories.py" line="143" />
      <source>No territory given: use FR, a région, département, EPCI or commune code, or a name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/mirror.py" line="22" />
      <source>Not an http(s) URL: {url}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/fetcher.py" line="71" />
      <source>Offline mode: no cached copy of {url}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/fetcher.py" line="72" />
      <source>Offline mode: using the cached copy of {url}, {age} old</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/territories.py" line="218" />
      <source>Optional reference list unavailable ({error}); going on without it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/http.py" line="60" />
      <source>QGIS proxy: {proxy}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/mirror.py" line="26" />
      <source>Refused: the path of {url} would leave the mirror root.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/mirror.py" line="56" />
      <source>Refused: {url} would leave the mirror root.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/provenance.py" line="27" />
      <source>Source date: {date}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/provenance.py" line="13" />
      <source>Source: {publisher}, {date} (fetched {fetched}). Licence: {licence}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/parsers.py" line="129" />
      <source>The archive {file} holds no GeoJSON, GeoPackage or shapefile.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/mirror.py" line="47" />
      <source>The mirror folder does not exist: {path}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/fetcher.py" line="121" />
      <source>The mirror has no copy of {url} (looked for {path})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/provenance.py" line="29" />
      <source>The source could not be reached: a stale cached copy was used.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/catalogue.py" line="261" />
      <source>Unknown layer '{layer}'. Known layers: {known}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/territories.py" line="183" />
      <source>Unknown territory '{text}'.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/http.py" line="181" />
      <source>truncated body, {got} of {expected} bytes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/fetcher.py" line="87" />
      <source>{error} — using the cached copy from {age} ago.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/parsers.py" line="146" />
      <source>{file} (source '{source}') cannot be read as a vector layer.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/parsers.py" line="107" />
      <source>{file} (source '{source}') has a header but no rows.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/layers.py" line="126" />
      <source>{file} (source '{source}') holds no feature.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/parsers.py" line="142" />
      <source>{file} (source '{source}') is a damaged ZIP archive.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/parsers.py" line="95" />
      <source>{file} (source '{source}') is empty.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/parsers.py" line="156" />
      <source>{file} (source '{source}') is not a non-empty JSON list.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/parsers.py" line="102" />
      <source>{file} (source '{source}') is not a valid CSV file: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/parsers.py" line="118" />
      <source>{file} (source '{source}') is not valid JSON: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/pack.py" line="75" />
      <source>{layer}: unavailable — {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/fetcher.py" line="27" />
      <source>{n} days</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/fetcher.py" line="26" />
      <source>{n} h</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/fetcher.py" line="24" />
      <source>{n} min</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/layers.py" line="110" />
      <source>{title}: no feature in {territory}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/layers.py" line="314" />
      <source>{title}: {n} commune codes not found in the current commune outlines (merged or renamed communes?): {codes}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/layers.py" line="228" />
      <source>{title}: {n} invalid geometries repaired.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/layers.py" line="261" />
      <source>{title}: {n} rows without valid coordinates left out.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/fetcher.py" line="132" />
      <source>{url} answered 304 without a cached copy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/fetcher.py" line="37" />
      <source>{url} answered an HTML or XML page instead of data (error page, login portal or proxy message).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/datagouv.py" line="10" />
      <source>{url} is not a data.gouv.fr dataset document (no 'resources').</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>AnctPlugin</name>
    <message>
      <location filename="../anct_qgis_plugin/plugin.py" line="41" />
      <source>Fetch a territory pack…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../anct_qgis_plugin/plugin.py" line="40" />
      <source>Fetch an ANCT layer…</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>AnctProvider</name>
    <message>
      <location filename="../anct_qgis_plugin/processing/provider.py" line="20" />
      <source>ANCT Territoires</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
