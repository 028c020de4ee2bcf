<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>AnctAlgorithm</name>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/territory_parameters.py" line="25" />
      <source>'{crs}' is not a coordinate reference system QGIS knows.</source>
      <translation>« {crs} » n'est pas un système de coordonnées connu de QGIS.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/cartography/sheets.py" line="83" />
      <source>'{text}' is not a département or a région.</source>
      <translation>'{text}' n'est ni un département ni une région.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="264" />
      <source>4g: sites with site_4g = 1; targeted: New Deal mobile targeted-coverage sites (site_DCC = 1); all: every site.</source>
      <translation>4g : sites avec site_4g = 1 ; targeted : sites du dispositif de couverture ciblée du New Deal mobile (site_DCC = 1) ; all : tous les sites.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="88" />
      <source>A département code (36), several (36,18,37), a région (reg:24: its départements) or all.</source>
      <translation>Un code de département (36), plusieurs (36,18,37), une région (reg:24 : ses départements) ou all.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/network_parameters.py" line="127" />
      <source>A unit farther than this from the network is not reached (off_network = 1, time_min empty, beyond the threshold), a facility farther than this is left out; both are counted in the log and the outputs. A network farther than this from every unit is refused.</source>
      <translation>Une unité plus éloignée que cela du réseau n'est pas atteinte (off_network = 1, time_min vide, au-delà du seuil), une structure plus éloignée est écartée ; les deux sont comptées dans le journal et les sorties. Un réseau plus éloigné que cela de toutes les unités est refusé.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/figures.py" line="429" />
      <source>ANCT cross-table</source>
      <translation>croisement des dispositifs de l'ANCT</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/road_times.py" line="109" />
      <source>Access legs (a unit or a facility to the nearest drivable road, in straight line) timed at {speed:g} km/h; farther than {km:g} km from the network: not reached</source>
      <translation>Trajets d'accès (d'une unité ou d'une structure à la route carrossable la plus proche, à vol d'oiseau) chronométrés à {speed:g} km/h ; à plus de {km:g} km du réseau : non atteint</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/network_parameters.py" line="109" />
      <source>Access speed (km/h)</source>
      <translation>Vitesse d'accès (km/h)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="101" />
      <source>All sheets in one PDF (instead of, or besides, the folder). Several départements make a volume: a contents page, bookmarks by région then département, page numbers across the volume.</source>
      <translation>Toutes les fiches dans un seul PDF (à la place du dossier, ou en plus). Plusieurs départements forment un volume : une page de sommaire, des signets par région puis par département, une pagination continue sur tout le volume.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/descriptions.py" line="85" />
      <source>An Observatoire des territoires indicator on the outlines of communes, EPCI, départements or régions.</source>
      <translation>Un indicateur de l'Observatoire des territoires sur les contours des communes, EPCI, départements ou régions.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_indicator.py" line="70" />
      <source>An answer of the Observatoire's API (CSV or XLSX) or an export of its map (CSV or XLSX), read instead of downloading; recognised by its content.</source>
      <translation>Une réponse de l'API de l'Observatoire (CSV ou XLSX) ou un export de sa carte (CSV ou XLSX), lu au lieu de télécharger ; reconnu à son contenu.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="42" />
      <source>Area</source>
      <translation>Superficie</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/figures.py" line="175" />
      <source>Area of {codes} from the IGN département outlines (commune outlines unavailable).</source>
      <translation>Surface de {codes} d'après les contours IGN des départements (contours des communes indisponibles).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/figures.py" line="171" />
      <source>Area of {territory} unavailable: {error}</source>
      <translation>Superficie de {territory} indisponible : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_road_network.py" line="38" />
      <source>BD TOPO 'nature' values kept. Default: the roads a car uses (Type autoroutier, Route à 2 chaussées, Route à 1 chaussée, Bretelle, Rond-point, Route empierrée). Left out: Chemin (tracks, 1 km/h in BD TOPO), Sentier and Escalier (on foot), Piste cyclable, Bac ou liaison maritime (timetables). Sections closed to light vehicles are always left out.</source>
      <translation>Valeurs du champ « nature » de la BD TOPO retenues. Par défaut : les routes qu'emprunte une voiture (Type autoroutier, Route à 2 chaussées, Route à 1 chaussée, Bretelle, Rond-point, Route empierrée). Écartés : Chemin (1 km/h dans la BD TOPO), Sentier et Escalier (à pied), Piste cyclable, Bac ou liaison maritime (horaires). Les tronçons interdits aux véhicules légers sont toujours écartés.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_indicator.py" line="68" />
      <source>CSV or XLSX (*.csv *.xlsx *.CSV *.XLSX)</source>
      <translation>CSV ou XLSX (*.csv *.xlsx *.CSV *.XLSX)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/cartography/sheets.py" line="129" />
      <source>Cancelled.</source>
      <translation>Annulé.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_indicator.py" line="128" />
      <source>Cancelled: the output is incomplete.</source>
      <translation>Annulé : la sortie est incomplète.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="180" />
      <source>Cannot create the folder {path}: {error}</source>
      <translation>Impossible de créer le dossier {path} : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/base.py" line="130" />
      <source>Cannot write or read {path}: {error}</source>
      <translation>Impossible d'écrire ou de lire {path} : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_indicator.py" line="130" />
      <source>Cannot write to the output: {error}</source>
      <translation>Impossible d'écrire dans la sortie : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/base.py" line="43" />
      <source>Cartography</source>
      <translation>Cartographie</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="38" />
      <source>Catalogue id of the layer: </source>
      <translation>Identifiant de la couche dans le catalogue : </translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/check_sources.py" line="45" />
      <source>Check the sources</source>
      <translation>Vérifier les sources</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="90" />
      <source>Code field of the origin points</source>
      <translation>Champ code des points d'origine</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="97" />
      <source>Code field of the units</source>
      <translation>Champ code des unités</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_indicator.py" line="81" />
      <source>Codes matching no place</source>
      <translation>Codes ne correspondant à aucun lieu</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="99" />
      <source>Combined PDF</source>
      <translation>PDF unique</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="44" />
      <source>Communes</source>
      <translation>Communes</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/base.py" line="136" />
      <source>Coordinates that cannot be transformed ({error}): check the CRS of the input layers.</source>
      <translation>Coordonnées impossibles à transformer ({error}) : vérifiez le SCR des couches en entrée.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/base.py" line="43" />
      <source>Data</source>
      <translation>Données</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/network_parameters.py" line="85" />
      <source>Default speed (km/h)</source>
      <translation>Vitesse par défaut (km/h)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="154" />
      <source>Default: 20 km in straight line, 30 minutes by road (the national goal for France services).</source>
      <translation>Par défaut : 20 km à vol d'oiseau, 30 minutes par la route (l'objectif national pour les France services).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="250" />
      <source>Default: 5 km from the nearest site in straight line (15 minutes by road).</source>
      <translation>Par défaut : 5 km à vol d'oiseau du site le plus proche (15 minutes par la route).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="43" />
      <source>Density</source>
      <translation>Densité</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="76" />
      <source>Department atlas sheets (PDF)</source>
      <translation>Fiches départementales (PDF)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="79" />
      <source>Department atlas sheets…</source>
      <translation>Fiches départementales…</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/base.py" line="43" />
      <source>Diagnostics</source>
      <translation>Diagnostics</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/network_parameters.py" line="91" />
      <source>Direction field</source>
      <translation>Champ du sens de circulation</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/network_parameters.py" line="104" />
      <source>Direction field value (compared as text).</source>
      <translation>Valeur du champ de sens de circulation (comparée en tant que texte).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="105" />
      <source>Distance</source>
      <translation>Distance</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="218" />
      <source>Distances measured in EPSG:2154 in metropolitan France and in each overseas département's own CRS</source>
      <translation>Distances mesurées en EPSG:2154 en métropole et dans le SCR propre à chaque département d'outre-mer</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="221" />
      <source>Distances measured in {crs}</source>
      <translation>Distances mesurées dans le SCR {crs}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_indicator.py" line="66" />
      <source>Downloaded file</source>
      <translation>Fichier téléchargé</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/national.py" line="74" />
      <source>Département areas unavailable (no density rank): {error}</source>
      <translation>Superficies des départements indisponibles (pas de rang de densité) : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="87" />
      <source>Départements</source>
      <translation>Départements</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="45" />
      <source>EPCI</source>
      <translation>EPCI</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_indicator.py" line="60" />
      <source>Empty: the latest year published; a year as published (2021, 2013-2018); all: every year as columns.</source>
      <translation>Vide : la dernière année publiée ; une année telle que publiée (2021, 2013-2018) ; all : toutes les années en colonnes.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/road_times.py" line="144" />
      <source>Every facility is more than {km:g} km from the road network (MAX_ACCESS_KM): the network does not cover them. Give the NETWORK of their area, or facilities of the network's area.</source>
      <translation>Toutes les structures sont à plus de {km:g} km du réseau routier (MAX_ACCESS_KM) : le réseau ne les couvre pas. Donnez le réseau (NETWORK) de leur zone, ou des structures de la zone du réseau.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/descriptions.py" line="88" />
      <source>Every layer of a territory in one GeoPackage, for offline work.</source>
      <translation>Toutes les couches d'un territoire dans un GeoPackage, pour travailler hors ligne.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_indicator.py" line="78" />
      <source>Every place of the level in the territory: code, name, the value (NULL: n.d.) and year.</source>
      <translation>Chaque lieu du niveau dans le territoire : code, nom, la valeur (NULL : n.d.) et l'année.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="472" />
      <source>Every unit is more than {km:g} km from the road network (MAX_ACCESS_KM): the network does not cover the population. Give the NETWORK of the units' area, or none (BD TOPO is then fetched).</source>
      <translation>Toutes les unités sont à plus de {km:g} km du réseau routier (MAX_ACCESS_KM) : le réseau ne couvre pas la population. Donnez le réseau (NETWORK) de la zone des unités, ou aucun (la BD TOPO est alors téléchargée).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="126" />
      <source>Every unit with facility_id, facility_name, distance_m, time_min (road, access legs included), access_m (road: unit to the network), beyond_threshold, access_min (road: the access legs in time_min) and off_network (road: 1 when the unit is farther than MAX_ACCESS_KM from the network).</source>
      <translation>Chaque unité avec facility_id, facility_name, distance_m, time_min (route, trajets d'accès compris), access_m (route : de l'unité au réseau), beyond_threshold, access_min (route : les trajets d'accès compris dans time_min) et off_network (route : 1 quand l'unité est à plus de MAX_ACCESS_KM du réseau).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/base.py" line="93" />
      <source>FR for the whole country, a département code (36, 2A, 974), a région (reg:24 or its name), an EPCI SIREN (243600327), a commune INSEE code (36044), or an unambiguous name (Châteauroux).</source>
      <translation>FR pour toute la France, un code de département (36, 2A, 974), une région (reg:24 ou son nom), un SIREN d'EPCI (243600327), un code INSEE de commune (36044) ou un nom sans ambiguïté (Châteauroux).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="159" />
      <source>Facilities</source>
      <translation>Installations</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="140" />
      <source>Facilities left out: too far from the road network</source>
      <translation>Structures écartées : trop loin du réseau routier</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="323" />
      <source>Facilities: {layer} of the whole country</source>
      <translation>Installations : {layer} de toute la France</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/check_sources.py" line="53" />
      <source>Fail when a source fails</source>
      <translation>Échouer si une source échoue</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_indicator.py" line="82" />
      <source>Features</source>
      <translation>Entités</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_territory_pack.py" line="19" />
      <source>Fetch a territory pack (GeoPackage)</source>
      <translation>Charger un paquet territorial (GeoPackage)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_territory_pack.py" line="22" />
      <source>Fetch a territory pack…</source>
      <translation>Charger un paquet territorial…</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="27" />
      <source>Fetch an ANCT layer</source>
      <translation>Charger une couche ANCT</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="30" />
      <source>Fetch an ANCT layer…</source>
      <translation>Charger une couche ANCT…</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_indicator.py" line="35" />
      <source>Fetch an Observatoire des territoires indicator</source>
      <translation>Charger un indicateur de l'Observatoire des territoires</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_road_network.py" line="28" />
      <source>Fetch the road network (IGN BD TOPO)</source>
      <translation>Télécharger le réseau routier (BD TOPO de l'IGN)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="58" />
      <source>Fetching {layer} for {territory}</source>
      <translation>Chargement de {layer} pour {territory}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="92" />
      <source>Field of ORIGIN_POINTS holding the unit's code.</source>
      <translation>Champ de ORIGIN_POINTS contenant le code de l'unité.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="99" />
      <source>Field of POPULATION matched with ORIGIN_CODE_FIELD.</source>
      <translation>Champ de POPULATION mis en correspondance avec ORIGIN_CODE_FIELD.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/figures.py" line="532" />
      <source>Fixed broadband (Arcep) unavailable: {error}</source>
      <translation>Haut débit fixe (Arcep) indisponible : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="93" />
      <source>Folder (one PDF per département)</source>
      <translation>Dossier (un PDF par département)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="47" />
      <source>France services per 10,000 inhabitants</source>
      <translation>France services pour 10 000 habitants</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="46" />
      <source>France services sites</source>
      <translation>Sites France services</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="120" />
      <source>French by default, or English.</source>
      <translation>Français par défaut, ou anglais.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_territory_pack.py" line="27" />
      <source>GeoPackage</source>
      <translation>GeoPackage</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_territory_pack.py" line="27" />
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="139" />
      <source>Give OUTPUT_FOLDER or OUTPUT_PDF.</source>
      <translation>Indiquez OUTPUT_FOLDER ou OUTPUT_PDF.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="208" />
      <source>Give POPULATION or a TERRITORY whose communes are the population.</source>
      <translation>Indiquez POPULATION ou un TERRITORY dont les communes forment la population.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_indicator.py" line="94" />
      <source>Give an indicator (dataset.indic or a map link) or a downloaded file.</source>
      <translation>Indiquez un indicateur (dataset.indic ou un lien de la carte) ou un fichier téléchargé.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/descriptions.py" line="89" />
      <source>IGN BD TOPO roads of a territory and its surroundings, with speeds and directions.</source>
      <translation>Les routes BD TOPO de l'IGN d'un territoire et de ses abords, avec vitesses et sens de circulation.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="130" />
      <source>Ids dataset.indic (or map links), separated by commas or spaces: one row each with the Observatoire's own figure for the territory, its région and France, n.d. where it publishes none (never averaged from the communes). Curated ids: {ids}</source>
      <translation>Identifiants dataset.indic (ou liens de carte), séparés par des virgules ou des espaces : une ligne chacun avec le chiffre de l'Observatoire lui-même pour le territoire, sa région et la France, n.d. là où il n'en publie pas (jamais moyenné à partir des communes). Identifiants retenus : {ids}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="108" />
      <source>In the QGIS window, opens the combined PDF (or the only sheet, or the folder of the sheets) once written. Never from qgis_process. The log links to every file anyway.</source>
      <translation>Dans la fenêtre de QGIS, ouvre le PDF unique (ou la seule fiche, ou le dossier des fiches) une fois écrit. Jamais depuis qgis_process. Le journal donne de toute façon le lien de chaque fichier.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_indicator.py" line="41" />
      <source>Indicator (dataset.indic or map link)</source>
      <translation>Indicateur (dataset.indic ou lien de la carte)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_indicator.py" line="77" />
      <source>Indicator layer</source>
      <translation>Couche de l'indicateur</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="137" />
      <source>Key figures</source>
      <translation>Chiffres clés</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/descriptions.py" line="96" />
      <source>Key figures of a territory beside its département, its région and France.</source>
      <translation>Les chiffres clés d'un territoire à côté de ceux de son département, de sa région et de la France.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="35" />
      <source>Layer</source>
      <translation>Couche</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_territory_pack.py" line="34" />
      <source>Layers unavailable</source>
      <translation>Couches indisponibles</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_territory_pack.py" line="33" />
      <source>Layers written</source>
      <translation>Couches écrites</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="114" />
      <source>Layout template (.qpt)</source>
      <translation>Modèle de mise en page (.qpt)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="144" />
      <source>Layout template not found: {path}</source>
      <translation>Modèle de mise en page introuvable : {path}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/territory_parameters.py" line="17" />
      <source>Leave empty for EPSG:2154 in metropolitan France and the local projected CRS overseas.</source>
      <translation>Laisser vide pour utiliser EPSG:2154 en France métropolitaine et le SCR projeté local en outre-mer.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/cartography/sheets.py" line="91" />
      <source>Left out of 'all': {names} — collectivités d'outre-mer, which no commune outline covers (IGN's France is metropolitan France and the DROM): their sheet would be an empty map. Name one to print it.</source>
      <translation>Laissées hors de « all » : {names} — collectivités d'outre-mer, qu'aucun contour de commune ne couvre (la France de l'IGN est la métropole et les DROM) : leur fiche serait une carte vide. Donnez son code pour l'imprimer.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_indicator.py" line="50" />
      <source>Level</source>
      <translation>Niveau</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/gap_parameters.py" line="47" />
      <source>Lines of a road network (any format anct:service_gap reads). Empty: fetched from IGN BD TOPO.</source>
      <translation>Lignes d'un réseau routier (tout format que lit anct:service_gap). Vide : téléchargé depuis la BD TOPO de l'IGN.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/network_parameters.py" line="61" />
      <source>Lines of the road network (road mode). Empty: IGN BD TOPO roads of the territory and its surroundings are fetched from the Géoplateforme (see anct:fetch_road_network).</source>
      <translation>Lignes du réseau routier (mode route). Vide : les routes de la BD TOPO de l'IGN du territoire et de ses alentours sont téléchargées depuis la Géoplateforme (voir anct:fetch_road_network).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_road_network.py" line="48" />
      <source>Lines with every published field, speed_kmh (vitesse_moyenne_vl, or a default by nature and importance) and direction (0 both ways, 1 digitising direction, 2 reverse).</source>
      <translation>Lignes avec tous les champs publiés, speed_kmh (vitesse_moyenne_vl, ou une valeur par défaut selon la nature et l'importance) et direction (0 double sens, 1 sens de numérisation, 2 sens inverse).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/cartography/sheets.py" line="235" />
      <source>Locator map unavailable: {error}</source>
      <translation>Carte de situation indisponible : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/network_parameters.py" line="121" />
      <source>Longest access leg (km)</source>
      <translation>Trajet d'accès le plus long (km)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/programme_matrix.py" line="30" />
      <source>Matrix</source>
      <translation>Matrice</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="244" />
      <source>Mobile coverage gap (Arcep sites)</source>
      <translation>Zones éloignées des sites mobiles (Arcep)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="255" />
      <source>Mobile sites</source>
      <translation>Sites mobiles</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="48" />
      <source>Mobile sites (Arcep)</source>
      <translation>Sites mobiles (Arcep)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/road_times.py" line="263" />
      <source>NETWORK_FORMAT={format} needs the field {field} in the network. Fields: {fields}</source>
      <translation>NETWORK_FORMAT={format} demande le champ {field} dans le réseau. Champs : {fields}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/network_parameters.py" line="68" />
      <source>Network format</source>
      <translation>Format du réseau</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/road_times.py" line="193" />
      <source>Network format: {format}</source>
      <translation>Format du réseau : {format}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/road_times.py" line="176" />
      <source>No NETWORK given: fetching the IGN BD TOPO road network, {km:g} km around</source>
      <translation>Pas de NETWORK : téléchargement du réseau routier BD TOPO de l'IGN, {km:g} km alentour</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/cartography/sheets.py" line="73" />
      <source>No département given: a code (36), several (36,18), a région (reg:24) or all.</source>
      <translation>Aucun département indiqué : un code (36), plusieurs (36,18), une région (reg:24) ou all.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="343" />
      <source>No facility left to measure to (check FACILITIES and FACILITY_FILTER).</source>
      <translation>Aucune installation restante vers laquelle mesurer (vérifiez FACILITIES et FACILITY_FILTER).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/road_times.py" line="99" />
      <source>No line of the road network can be driven (speeds are all zero, or the format does not fit: check NETWORK_FORMAT).</source>
      <translation>Aucune ligne du réseau routier n'est carrossable (vitesses toutes nulles, ou format inadapté : vérifiez NETWORK_FORMAT).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/figures.py" line="291" />
      <source>No road times for {territory}: the straight-line distance is shown instead.</source>
      <translation>Pas de temps par la route pour {territory} : la distance à vol d'oiseau est donnée à la place.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_road_network.py" line="88" />
      <source>No section of the natures kept ({natures}) in {territory}.</source>
      <translation>Aucun tronçon des natures retenues ({natures}) dans {territory}.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="68" />
      <source>Numeric field of inhabitants (population for communes, ind for the Filosofi grid).</source>
      <translation>Champ numérique des habitants (population pour les communes, ind pour le carroyage Filosofi).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="357" />
      <source>ORIGIN=matched_points needs ORIGIN_POINTS with the field '{field}'.</source>
      <translation>ORIGIN=matched_points nécessite ORIGIN_POINTS avec le champ '{field}'.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="362" />
      <source>ORIGIN=matched_points needs the field '{field}' in POPULATION (POPULATION_CODE_FIELD).</source>
      <translation>ORIGIN=matched_points nécessite le champ '{field}' dans POPULATION (POPULATION_CODE_FIELD).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="129" />
      <source>Observatoire des territoires indicators</source>
      <translation>Indicateurs de l'Observatoire des territoires</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/programme_matrix.py" line="41" />
      <source>One download (croisement des dispositifs, ngeo-anct-cog&lt;COG&gt;.csv) instead of one per programme; a programme whose own list is newer than the cross-table is read from its list. The log says which vintage each programme comes from.</source>
      <translation>Un seul téléchargement (croisement des dispositifs, ngeo-anct-cog&lt;COG&gt;.csv) au lieu d'un par programme ; un programme dont la liste est plus récente que le croisement est lu dans sa liste. Le journal dit de quel millésime vient chaque programme.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/descriptions.py" line="84" />
      <source>One layer of the ANCT catalogue for a territory, from its publisher's live file.</source>
      <translation>Une couche du catalogue ANCT pour un territoire, depuis le fichier que son éditeur publie aujourd'hui.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="138" />
      <source>One row per indicator: indicator, label, unit, territory, region, france (CSV, XLSX, GeoPackage…), and a note when a figure is not given because only part of a level's communes could be measured. For a département, rank and rank_of: its rank among the départements (1 = the largest value) and how many have the figure (101).</source>
      <translation>Une ligne par indicateur : indicator, label, unit, territory, region, france (CSV, XLSX, GeoPackage…), et une note quand un chiffre n'est pas donné parce que seule une partie des communes d'un niveau a pu être mesurée. Pour un département, rank et rank_of : son rang parmi les départements (1 = la plus grande valeur) et combien ont ce chiffre (101).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/check_sources.py" line="58" />
      <source>One row per source: status, file chosen, source date, size, rows, columns expected, missing and found, commune codes that match no commune of today, message.</source>
      <translation>Une ligne par source : état, fichier choisi, date de la source, taille, lignes, colonnes attendues, manquantes et trouvées, codes de commune sans commune actuelle, message.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_territory_pack.py" line="28" />
      <source>One table per catalogue layer plus a table '{table}' describing sources, dates and layers that could not be had.</source>
      <translation>Une table par couche du catalogue, plus une table '{table}' décrivant les sources, les dates et les couches qui n'ont pas pu être obtenues.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/network_parameters.py" line="92" />
      <source>One-way streets: VALUE_FORWARD, VALUE_BACKWARD or VALUE_BOTH (as in QGIS's shortest-path algorithms); other values mean both ways.</source>
      <translation>Voies à sens unique : VALUE_FORWARD, VALUE_BACKWARD ou VALUE_BOTH (comme dans les algorithmes de plus court chemin de QGIS) ; les autres valeurs signifient double sens.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="107" />
      <source>Open the PDF when done</source>
      <translation>Ouvrir le PDF à la fin</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="83" />
      <source>Origin points (matched by code)</source>
      <translation>Points d'origine (rapprochés par code)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/territory_parameters.py" line="16" />
      <source>Output CRS</source>
      <translation>SCR de sortie</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="42" />
      <source>Output layer</source>
      <translation>Couche de sortie</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="99" />
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="123" />
      <source>PDF files written (separated by ;)</source>
      <translation>Fichiers PDF écrits (séparés par ;)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="257" />
      <source>Points of mobile sites. Empty: the Arcep site list of the whole country (metropolitan France).</source>
      <translation>Points des sites mobiles. Vide : la liste des sites Arcep de toute la France (métropolitaine).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="161" />
      <source>Points. Empty: France services sites of the whole country, so that border residents find sites across the border.</source>
      <translation>Points. Vide : les sites France services de toute la France, pour que les habitants proches d'une limite trouvent les sites situés de l'autre côté.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="59" />
      <source>Polygons or points carrying a population (communes, IRIS, INSEE's Filosofi 200 m grid in EPSG:3035…). Empty: the communes of TERRITORY from the catalogue.</source>
      <translation>Polygones ou points portant une population (communes, IRIS, carroyage Filosofi 200 m de l'Insee en EPSG:3035…). Vide : les communes de TERRITORY issues du catalogue.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="41" />
      <source>Population</source>
      <translation>Population</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="133" />
      <source>Population beyond the threshold</source>
      <translation>Population au-delà du seuil</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="29" />
      <source>Population beyond {km:g} km of a France services site</source>
      <translation>Population à plus de {km:g} km d'un France services</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="23" />
      <source>Population beyond {min:g} minutes by road of a France services site</source>
      <translation>Population à plus de {min:g} minutes par la route d'un France services</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="66" />
      <source>Population field</source>
      <translation>Champ de population</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="74" />
      <source>Population of the communes of density level {level}, {name} (INSEE grid {year})</source>
      <translation>Population des communes du niveau de densité {level}, {name} (grille Insee {year})</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="102" />
      <source>Population of the communes: {typology} — {level}</source>
      <translation>Population des communes : {typology} — {level}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="57" />
      <source>Population units</source>
      <translation>Unités de population</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="147" />
      <source>Population, population beyond the threshold, its share, units beyond and the worst distance (m) or time (min), by département, by EPCI and in total.</source>
      <translation>Population, population au-delà du seuil, sa part, unités au-delà et distance (m) ou temps (min) maximal, par département, par EPCI et au total.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="209" />
      <source>Population: the communes of {territory}</source>
      <translation>Population : les communes de {territory}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="186" />
      <source>Population: {source}</source>
      <translation>Population : {source}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="51" />
      <source>Premises (Arcep, fixed broadband)</source>
      <translation>Locaux (Arcep, haut débit fixe)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/programme_matrix.py" line="25" />
      <source>Programme matrix (commune × programme)</source>
      <translation>Matrice des programmes (commune × programme)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="39" />
      <source>QPV</source>
      <translation>QPV</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/programme_matrix.py" line="39" />
      <source>Read the programmes from ANCT's cross-table</source>
      <translation>Lire les programmes dans le croisement des dispositifs de l'ANCT</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/gap_parameters.py" line="38" />
      <source>Residents farther than this from the nearest France services site are counted. Default: 20 km in straight line, 30 minutes by road (the national goal).</source>
      <translation>Les habitants plus éloignés que cela du France services le plus proche sont comptés. Par défaut : 20 km à vol d'oiseau, 30 minutes par la route (l'objectif national).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/road_times.py" line="105" />
      <source>Road graph: {nodes} nodes, {edges} edges</source>
      <translation>Graphe routier : {nodes} nœuds, {edges} arcs</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/road_times.py" line="83" />
      <source>Road mode needs SciPy, which QGIS ships on Windows (OSGeo4W), macOS and Linux distributions; install python3-scipy.</source>
      <translation>Le mode road nécessite SciPy, fourni avec QGIS sous Windows (OSGeo4W), macOS et dans les distributions Linux ; installez python3-scipy.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_road_network.py" line="35" />
      <source>Road natures kept</source>
      <translation>Natures de route retenues</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_road_network.py" line="47" />
      <source>Road network</source>
      <translation>Réseau routier</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/gap_parameters.py" line="45" />
      <source>Road network (road mode)</source>
      <translation>Réseau routier (mode route)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="134" />
      <source>Road network used (road mode)</source>
      <translation>Réseau routier utilisé (mode route)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/road_times.py" line="180" />
      <source>Road network: {source} — {n} sections</source>
      <translation>Réseau routier : {source} — {n} tronçons</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_road_network.py" line="53" />
      <source>Road sections</source>
      <translation>Tronçons de route</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_road_network.py" line="70" />
      <source>Road sections of {territory} and {km:g} km around</source>
      <translation>Tronçons de route de {territory} et de {km:g} km alentour</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/network_parameters.py" line="23" />
      <source>Roads this far around the territory are fetched too, so that residents near a border reach sites across it.</source>
      <translation>Les routes situées à cette distance du territoire sont téléchargées aussi, pour que les habitants proches d'une limite atteignent les structures de l'autre côté.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/programme_matrix.py" line="31" />
      <source>Rows with level = commune: the programme ids of each commune ({tables}) and nb_programmes; rows with level = epci and departement: the number of communes in each programme, communes and population.</source>
      <translation>Lignes de niveau commune : les identifiants de programme de chaque commune ({tables}) et nb_programmes ; lignes de niveau epci et departement : le nombre de communes dans chaque programme, les communes et la population.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/base.py" line="183" />
      <source>Run the algorithm again, into another file if it happens again.</source>
      <translation>Relancez l'algorithme, vers un autre fichier si cela se reproduit.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/figures.py" line="123" />
      <source>Région and France areas unavailable: {error}</source>
      <translation>Superficies de la région et de la France indisponibles : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="121" />
      <source>SITE_KIND={kind} needs the field {field} in the mobile sites.</source>
      <translation>SITE_KIND={kind} nécessite le champ {field} dans les sites mobiles.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/check_sources.py" line="49" />
      <source>Sample département</source>
      <translation>Département témoin</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="47" />
      <source>Service gap (France services)</source>
      <translation>Zones éloignées des France services</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/figures.py" line="381" />
      <source>Service gap for {key} unavailable: {error}</source>
      <translation>Éloignement des France services indisponible pour {key} : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/gap_parameters.py" line="20" />
      <source>Service gap measured</source>
      <translation>Mesure de l'éloignement</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/national.py" line="79" />
      <source>Service gap of every département, for the ranks</source>
      <translation>Éloignement des France services de chaque département, pour les rangs</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/figures.py" line="349" />
      <source>Service gap of {name} not given: only {n} of its {total} communes could be measured (the others' outlines could not be had).</source>
      <translation>Éloignement des France services de {name} non donné : {n} de ses {total} communes seulement ont pu être mesurées (les contours des autres n'ont pas pu être obtenus).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="50" />
      <source>Service gap…</source>
      <translation>Zones éloignées des France services…</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/gap_parameters.py" line="32" />
      <source>Service-gap threshold (km, or minutes by road)</source>
      <translation>Seuil d'éloignement (km, ou minutes par la route)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="52" />
      <source>Share of premises eligible to fibre (FTTH)</source>
      <translation>Part des locaux éligibles à la fibre (FTTH)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="53" />
      <source>Share of premises without a wired offer of 30 Mbit/s or more</source>
      <translation>Part des locaux sans offre filaire d'au moins 30 Mbit/s</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="30" />
      <source>Share of the population beyond {km:g} km of a France services site</source>
      <translation>Part de la population à plus de {km:g} km d'un France services</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="24" />
      <source>Share of the population beyond {min:g} minutes by road of a France services site</source>
      <translation>Part de la population à plus de {min:g} minutes par la route d'un France services</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="80" />
      <source>Share of the population in density level {level}, {name}</source>
      <translation>Part de la population dans le niveau de densité {level}, {name}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="106" />
      <source>Share of the population: {typology} — {level}</source>
      <translation>Part de la population : {typology} — {level}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="120" />
      <source>Sheet language</source>
      <translation>Langue de la fiche</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/cartography/sheets.py" line="130" />
      <source>Sheet {n}/{total}: {code}</source>
      <translation>Fiche {n}/{total} : {code}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="122" />
      <source>Sheets printed</source>
      <translation>Fiches imprimées</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="168" />
      <source>Sites that count</source>
      <translation>Sites pris en compte</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_road_network.py" line="54" />
      <source>Source and date</source>
      <translation>Source et date</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/check_sources.py" line="57" />
      <source>Source check</source>
      <translation>Vérification des sources</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="46" />
      <source>Source date</source>
      <translation>Date de la source</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/check_sources.py" line="63" />
      <source>Sources failed</source>
      <translation>Sources en échec</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/check_sources.py" line="50" />
      <source>Sources published per département (commune outlines, EPCI) are checked for this one.</source>
      <translation>Les sources publiées par département (contours des communes, EPCI) sont vérifiées pour celui-ci.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/network_parameters.py" line="80" />
      <source>Speed field (km/h)</source>
      <translation>Champ de vitesse (km/h)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/network_parameters.py" line="81" />
      <source>Speed of each line in km/h (custom format).</source>
      <translation>Vitesse de chaque ligne en km/h (format custom).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/network_parameters.py" line="87" />
      <source>Speed of lines without a (positive) speed value (custom format).</source>
      <translation>Vitesse des lignes sans valeur de vitesse (positive) (format custom).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/check_sources.py" line="54" />
      <source>Stop with an error when a source cannot be read or lacks a column (for scripts and CI).</source>
      <translation>Arrêter en erreur quand une source est illisible ou qu'il lui manque une colonne (scripts, intégration continue).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="145" />
      <source>Summary by département and EPCI</source>
      <translation>Synthèse par département et EPCI</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/network_parameters.py" line="22" />
      <source>Surroundings (km)</source>
      <translation>Alentours (km)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/base.py" line="92" />
      <source>Territory</source>
      <translation>Territoire</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="120" />
      <source>Territory key figures</source>
      <translation>Chiffres clés d'un territoire</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="123" />
      <source>Territory key figures…</source>
      <translation>Chiffres clés d'un territoire…</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/descriptions.py" line="98" />
      <source>The Atlas des départements: key figures, charts and maps of each département, in PDF.</source>
      <translation>L'Atlas des départements : chiffres clés, graphiques et cartes de chaque département, en PDF.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_indicator.py" line="42" />
      <source>The Observatoire's id dataset.indic (insee_rp_hist_1968.dens_pop), or a link of its map pasted as is (…#c=indicator&amp;i=… or …?indics=…). Optional with a file whose metadata sheet links it. Curated ids (titled with their label and unit): {ids}</source>
      <translation>L'identifiant de l'Observatoire dataset.indic (insee_rp_hist_1968.dens_pop), ou un lien de sa carte collé tel quel (…#c=indicator&amp;i=… ou …?indics=…). Facultatif avec un fichier dont la feuille de métadonnées donne le lien. Identifiants retenus (titrés de leur libellé et de leur unité) : {ids}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="183" />
      <source>The folder {path} is not writable.</source>
      <translation>Le dossier {path} n'est pas accessible en écriture.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="43" />
      <source>The layer, restricted to the territory, with the published field names.</source>
      <translation>La couche, restreinte au territoire, avec les noms de champs publiés.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/unit_pass.py" line="105" />
      <source>The output could not be written: {error}</source>
      <translation>La couche de sortie n'a pas pu être écrite : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="225" />
      <source>The population layer has no field '{field}'. Fields: {fields}</source>
      <translation>La couche de population n'a pas de champ '{field}'. Champs : {fields}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="468" />
      <source>The population layer is empty.</source>
      <translation>La couche de population est vide.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/road_times.py" line="94" />
      <source>The road network is empty.</source>
      <translation>Le réseau routier est vide.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/road_times.py" line="126" />
      <source>The road network is {km:,.0f} km from the nearest population unit (network {network}; units {units}): it is not the network of this population. Give the NETWORK of the units' area, or none (BD TOPO is then fetched around them).</source>
      <translation>Le réseau routier est à {km:,.0f} km de l'unité de population la plus proche (réseau {network} ; unités {units}) : ce n'est pas le réseau de cette population. Donnez le réseau (NETWORK) de la zone des unités, ou aucun (la BD TOPO est alors téléchargée autour d'elles).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/network_parameters.py" line="111" />
      <source>The straight leg from a unit, or a facility, to the nearest drivable road is timed at this speed and counted in time_min (access_min). Default 20 km/h: a car on a drive or a track the network does not hold.</source>
      <translation>Le trajet à vol d'oiseau d'une unité, ou d'une structure, à la route carrossable la plus proche est chronométré à cette vitesse et compté dans time_min (access_min). 20 km/h par défaut : une voiture dans une allée ou sur un chemin que le réseau ne contient pas.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/layer_reading.py" line="40" />
      <source>The {what} layer has no CRS: set it in the layer properties.</source>
      <translation>La couche « {what} » n'a pas de SCR : définissez-le dans les propriétés de la couche.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="114" />
      <source>Threshold (km, or minutes by road)</source>
      <translation>Seuil (km, ou minutes par la route)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/base.py" line="145" />
      <source>Unexpected error in {algorithm}: {error} (details in the ANCT log panel).</source>
      <translation>Erreur inattendue dans {algorithm} : {error} (détails dans l'onglet ANCT du journal).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="132" />
      <source>Units measured</source>
      <translation>Unités mesurées</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="136" />
      <source>Units not reached: too far from the road network</source>
      <translation>Unités non atteintes : trop loin du réseau routier</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="124" />
      <source>Units with their nearest facility</source>
      <translation>Unités avec leur installation la plus proche</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="85" />
      <source>Used with ORIGIN=matched_points; units without a point fall back to point on surface.</source>
      <translation>Utilisé avec ORIGIN=matched_points ; les unités sans point se rabattent sur le point dans la surface.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_indicator.py" line="80" />
      <source>Value field</source>
      <translation>Champ de la valeur</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/network_parameters.py" line="100" />
      <source>Value for both directions</source>
      <translation>Valeur pour le double sens</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/network_parameters.py" line="98" />
      <source>Value for one-way (digitising direction)</source>
      <translation>Valeur pour le sens unique (sens de numérisation)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/network_parameters.py" line="99" />
      <source>Value for one-way (reverse direction)</source>
      <translation>Valeur pour le sens unique (sens inverse)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/road_times.py" line="209" />
      <source>Values the road profile does not know, left out of the network: {values}</source>
      <translation>Valeurs inconnues du profil routier, écartées du réseau : {values}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="72" />
      <source>Where a polygon's people are placed</source>
      <translation>Où placer les habitants d'un polygone</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/descriptions.py" line="97" />
      <source>Which ANCT programmes each commune of a territory is in, with totals.</source>
      <translation>Les programmes ANCT de chaque commune d'un territoire, avec les totaux.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/descriptions.py" line="99" />
      <source>Which file each source reads today, its date, its columns and the codes that map to nothing.</source>
      <translation>Le fichier que lit chaque source aujourd'hui, sa date, ses colonnes et les codes qui ne correspondent à aucune commune.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/descriptions.py" line="93" />
      <source>Who lives beyond a distance or a road time of the nearest mobile site of a technology.</source>
      <translation>Qui habite au-delà d'une distance ou d'un temps de trajet du site mobile le plus proche d'une technologie.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/descriptions.py" line="90" />
      <source>Who lives beyond a distance or a road time of the nearest service (France services: 30 min).</source>
      <translation>Qui habite au-delà d'une distance ou d'un temps de trajet du service le plus proche (France services : 30 min).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="95" />
      <source>Writes atlas_&lt;code&gt;.pdf for each département (default: Documents/ANCT Territoires/atlas).</source>
      <translation>Écrit atlas_&lt;code&gt;.pdf pour chaque département (par défaut : Documents/ANCT Territoires/atlas).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="50" />
      <source>Written: {url}</source>
      <translation>Écrit : {url}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_indicator.py" line="59" />
      <source>Year</source>
      <translation>Année</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/department_atlas.py" line="115" />
      <source>Your own template, edited in the layout designer from resources/layouts/atlas_departement.qpt; items are found by their ids.</source>
      <translation>Votre propre modèle, modifié dans le concepteur de mise en page à partir de resources/layouts/atlas_departement.qpt ; les éléments sont retrouvés par leur identifiant.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/network_parameters.py" line="71" />
      <source>bdtopo: BD TOPO fields (nature, importance, vitesse_moyenne_vl, sens_de_circulation, acces_vehicule_leger); osm: OpenStreetMap highway, maxspeed, oneway (columns or other_tags); custom: SPEED_FIELD and DIRECTION_FIELD; auto: custom when a speed or direction field is given or the layer has speed_kmh and direction, else bdtopo or osm from the fields found.</source>
      <translation>bdtopo : champs de la BD TOPO (nature, importance, vitesse_moyenne_vl, sens_de_circulation, acces_vehicule_leger) ; osm : highway, maxspeed, oneway d'OpenStreetMap (colonnes ou other_tags) ; custom : SPEED_FIELD et DIRECTION_FIELD ; auto : custom si un champ de vitesse ou de sens est donné ou si la couche a speed_kmh et direction, sinon bdtopo ou osm selon les champs trouvés.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_indicator.py" line="53" />
      <source>communes (com2025), epci (epci2025, dissolved as the catalogue's EPCI layer), departements (dep), regions (reg, where the Observatoire publishes it).</source>
      <translation>communes (com2025), epci (epci2025, par union des communes comme la couche EPCI du catalogue), departements (dep), regions (reg, là où l'Observatoire le publie).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="326" />
      <source>facilities</source>
      <translation>installations</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="171" />
      <source>fixed (Fixe, Multisites), antenna, bus, itinerant. Default: fixed sites and antennas, not buses or itinerant services, which are not there every day. Applies when the facilities have format_fs/type_fs fields.</source>
      <translation>fixed (Fixe, Multisites), antenna, bus, itinerant. Par défaut : les sites fixes et les antennes, mais pas les bus ni les services itinérants, qui ne sont pas présents tous les jours. S'applique quand les installations ont des champs format_fs/type_fs.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="41" />
      <source>inhabitants</source>
      <translation>habitants</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="43" />
      <source>inhabitants/km²</source>
      <translation>habitants/km²</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/figures.py" line="435" />
      <source>list</source>
      <translation>liste</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/figures.py" line="429" />
      <source>list newer than the cross-table</source>
      <translation>liste plus récente que le croisement</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/unit_pass.py" line="106" />
      <source>no reason given</source>
      <translation>aucune raison donnée</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="366" />
      <source>origin points</source>
      <translation>points d'origine</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="75" />
      <source>point_on_surface (default, always inside), centroid, or matched_points: a point layer matched by code (town halls, for instance).</source>
      <translation>point_on_surface (point dans la surface, par défaut, toujours à l'intérieur), centroid (centroïde) ou matched_points : une couche de points rapprochée par code (les mairies, par exemple).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/layer_reading.py" line="56" />
      <source>population</source>
      <translation>population</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="51" />
      <source>premises</source>
      <translation>locaux</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/road_times.py" line="195" />
      <source>road network</source>
      <translation>réseau routier</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/gap_parameters.py" line="23" />
      <source>straight: straight-line distance (France and région compared too); road: travel time by road on the IGN BD TOPO network fetched for the territory (or NETWORK), for the territory only. When no network can be had, the straight-line figure is shown, and said so.</source>
      <translation>straight : distance à vol d'oiseau (comparée aussi à la région et à la France) ; road : temps par la route sur le réseau BD TOPO de l'IGN téléchargé pour le territoire (ou NETWORK), pour le territoire seulement. Sans réseau disponible, le chiffre à vol d'oiseau est donné, et c'est dit.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/service_gap.py" line="108" />
      <source>straight: straight-line distance; road: travel time on NETWORK.</source>
      <translation>straight : distance à vol d'oiseau ; road : temps de trajet sur NETWORK.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/road_times.py" line="227" />
      <source>the layer {name} ({format})</source>
      <translation>la couche {name} ({format})</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/cartography/sheets.py" line="191" />
      <source>{layer}: unavailable — {error}</source>
      <translation>{layer} : indisponible — {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/base.py" line="110" />
      <source>{name}: '{value}' is not a number.</source>
      <translation>{name} : « {value} » n'est pas un nombre.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="232" />
      <source>{name}: not given, only {n} of its {total} communes could be measured (outlines missing)</source>
      <translation>{name} : non donné, {n} de ses {total} communes seulement ont pu être mesurées (contours manquants)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/network_parameters.py" line="37" />
      <source>{name}: the road network must be a line layer; {layer} holds {kind} geometries. Give the roads' lines.</source>
      <translation>{name} : le réseau routier doit être une couche de lignes ; {layer} contient des géométries {kind}. Donnez les lignes des routes.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/base.py" line="114" />
      <source>{name}: {value} is outside {minimum:g} – {maximum:g}.</source>
      <translation>{name} : {value} est hors de l'intervalle {minimum:g} – {maximum:g}.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/figures.py" line="466" />
      <source>{n} communes are at two density levels in the INSEE grid (communes merged since): each counts at its denser level: {codes}</source>
      <translation>{n} communes figurent à deux niveaux de densité dans la grille Insee (communes fusionnées depuis) : chacune compte au niveau le plus dense : {codes}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/programme_matrix.py" line="75" />
      <source>{n} communes, programmes: {programmes}</source>
      <translation>{n} communes, programmes : {programmes}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="344" />
      <source>{n} facilities</source>
      <translation>{n} installations</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/road_times.py" line="152" />
      <source>{n} facilities are more than {km:g} km from any drivable road of the network (MAX_ACCESS_KM): left out, nobody reaches them by road{names}.</source>
      <translation>{n} structures sont à plus de {km:g} km de toute route carrossable du réseau (MAX_ACCESS_KM) : écartées, personne ne les atteint par la route{names}.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="72" />
      <source>{n} features — source dated {date}</source>
      <translation>{n} entités — date de la source : {date}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="208" />
      <source>{n} indicators for {territory}</source>
      <translation>{n} indicateurs pour {territory}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/road_times.py" line="215" />
      <source>{n} lines have a speed in {field} that is not a positive number of km/h: DEFAULT_SPEED ({speed:g} km/h) used for them. Values: {values}</source>
      <translation>{n} lignes ont dans {field} une vitesse qui n'est pas un nombre positif de km/h : DEFAULT_SPEED ({speed:g} km/h) leur est appliquée. Valeurs : {values}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_road_network.py" line="99" />
      <source>{n} sections kept of {read} read; {source}</source>
      <translation>{n} tronçons retenus sur {read} lus ; {source}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/check_sources.py" line="104" />
      <source>{n} sources failed: {sources}</source>
      <translation>{n} sources en échec : {sources}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="529" />
      <source>{n} units are more than {km:g} km from any drivable road of the network (MAX_ACCESS_KM): not reached, counted beyond the threshold (off_network = 1)</source>
      <translation>{n} unités sont à plus de {km:g} km de toute route carrossable du réseau (MAX_ACCESS_KM) : non atteintes, comptées au-delà du seuil (off_network = 1)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="525" />
      <source>{n} units with a NULL or non-numeric population counted as 0</source>
      <translation>{n} unités avec une population NULL ou non numérique comptées pour 0</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="526" />
      <source>{n} units with a negative population counted as 0</source>
      <translation>{n} unités avec une population négative comptées pour 0</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="527" />
      <source>{n} units without an origin point placed at their point on surface</source>
      <translation>{n} unités sans point d'origine placées à leur point dans la surface</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="528" />
      <source>{n} units without geometry left out</source>
      <translation>{n} unités sans géométrie écartées</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="440" />
      <source>{n} units: a GeoPackage output is written without spatial index; create it from the layer properties if you need one.</source>
      <translation>{n} unités : une sortie GeoPackage est écrite sans index spatial ; créez-le depuis les propriétés de la couche si besoin.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/road_times.py" line="239" />
      <source>{parameter}={field}: the road network has no such field. Fields: {fields}</source>
      <translation>{parameter}={field} : le réseau routier n'a pas ce champ. Champs : {fields}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/base.py" line="176" />
      <source>{path} cannot be reopened: its {count} features were not written.</source>
      <translation>{path} ne peut pas être rouvert : ses {count} entités n'ont pas été écrites.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/support/base.py" line="178" />
      <source>{path} holds {found} features where {count} were written: the output is incomplete.</source>
      <translation>{path} contient {found} entités alors que {count} ont été écrites : la sortie est incomplète.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/service_gap.py" line="492" />
      <source>{pop:,.0f} inhabitants beyond {threshold:g} {unit} ({units} units of {total})</source>
      <translation>{pop:,.0f} habitants au-delà de {threshold:g} {unit} ({units} unités sur {total})</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="57" />
      <source>{programme}: communes concerned</source>
      <translation>{programme} : communes concernées</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="56" />
      <source>{programme}: number</source>
      <translation>{programme} : nombre</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="59" />
      <source>{programme}: population of the communes concerned</source>
      <translation>{programme} : population des communes concernées</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/territory_profile.py" line="63" />
      <source>{programme}: share of the population in those communes</source>
      <translation>{programme} : part de la population dans ces communes</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/engine/figures.py" line="431" />
      <source>{table}: {file}, {date} ({origin})</source>
      <translation>{table} : {file}, {date} ({origin})</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_layer.py" line="78" />
      <source>{title}: no feature in {territory}.</source>
      <translation>{title} : aucune entité dans {territory}.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/processing/algorithms/fetch_indicator.py" line="109" />
      <source>{title}: {n} places of {territory}, field {field}</source>
      <translation>{title} : {n} lieux de {territory}, champ {field}</translation>
    </message>
  </context>
  <context>
    <name>AnctCore</name>
    <message>
      <location filename="../anct_qgis_plugin/core/published/territories.py" line="268" />
      <source>'{text}' is ambiguous: {choices}. Give a code instead.</source>
      <translation>'{text}' est ambigu : {choices}. Indiquez plutôt un code.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/editions.py" line="56" />
      <source>'{text}' is not a quarter: write it YYYY_Tn, e.g. 2024_T2.</source>
      <translation>« {text} » n'est pas un trimestre : écrivez AAAA_Tn, par exemple 2024_T2.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/editions.py" line="85" />
      <source>'{text}' is not a year: write it YYYY, e.g. 2024.</source>
      <translation>« {text} » n'est pas une année : écrivez-la AAAA, par exemple 2024.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/observatoire.py" line="81" />
      <source>'{text}' is not an Observatoire des territoires indicator: give dataset.indic (insee_rp_hist_1968.dens_pop) or paste a link of its map (…#c=indicator&amp;i=dataset.indic or …?indics=dataset.indic).</source>
      <translation>« {text} » n'est pas un indicateur de l'Observatoire des territoires : indiquez dataset.indic (insee_rp_hist_1968.dens_pop) ou collez un lien de sa carte (…#c=indicator&amp;i=dataset.indic ou …?indics=dataset.indic).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/http.py" line="355" />
      <source>(after {n} attempts)</source>
      <translation>(après {n} tentatives)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_network.py" line="128" />
      <source>A page of road sections ({page}) is not a GeoJSON feature collection.</source>
      <translation>Une page de tronçons de route ({page}) n'est pas une collection d'entités GeoJSON.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_network.py" line="119" />
      <source>A page of road sections ({page}) is not complete JSON (it stops half-way?): {error}</source>
      <translation>Une page de tronçons de route ({page}) n'est pas un JSON complet (interrompue en cours de route ?) : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_network.py" line="132" />
      <source>A page of road sections ({page}) stops half-way: {got} sections of the {expected} announced.</source>
      <translation>Une page de tronçons de route ({page}) s'arrête en cours de route : {got} tronçons sur les {expected} annoncés.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/native_layers.py" line="61" />
      <source>Cancelled.</source>
      <translation>Annulé.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/cartography/export.py" line="106" />
      <source>Cannot add the bookmarks to {path}: {error}</source>
      <translation>Impossible d'ajouter les signets à {path} : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_layer.py" line="70" />
      <source>Cannot create the output layer.</source>
      <translation>Impossible de créer la couche de sortie.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/http.py" line="349" />
      <source>Cannot download {url}: {error}</source>
      <translation>Impossible de télécharger {url} : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/cartography/template.py" line="97" />
      <source>Cannot read the layout template {path}: {error}</source>
      <translation>Impossible de lire le modèle de mise en page {path} : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/storage/pack.py" line="188" />
      <source>Cannot replace {path} ({error}): choose another file or close the program that holds it.</source>
      <translation>Impossible de remplacer {path} ({error}) : choisissez un autre fichier ou fermez le programme qui le tient ouvert.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/storage/pack.py" line="81" />
      <source>Cannot write the table {table} into {path} ({error}): check that its disk has room and its folder can be written, or choose another file.</source>
      <translation>Impossible d'écrire la table {table} dans {path} ({error}) : vérifiez qu'il reste de la place sur son disque et que son dossier est accessible en écriture, ou choisissez un autre fichier.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_layer.py" line="54" />
      <source>Cannot write to the output: {error}</source>
      <translation>Impossible d'écrire dans la sortie : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/cartography/export.py" line="85" />
      <source>Cannot write {path}.</source>
      <translation>Impossible d'écrire {path}.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/http.py" line="457" />
      <source>Cannot write {url} into {folder} ({error}): free some space on that disk or choose another cache folder (Settings &gt; Options &gt; ANCT Territoires, or ANCT_QGIS_CACHE_DIR).</source>
      <translation>Impossible d'écrire {url} dans {folder} ({error}) : libérez de la place sur ce disque ou choisissez un autre dossier de cache (Préférences &gt; Options &gt; ANCT Territoires, ou ANCT_QGIS_CACHE_DIR).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/build_context.py" line="55" />
      <source>Catalogue entry '{source}': its geometry is {geometry} where {kind} is expected (a mistake of the plugin's catalogue: please report it).</source>
      <translation>Entrée du catalogue « {source} » : sa géométrie est de type {geometry} alors que {kind} est attendu (une erreur du catalogue de l'extension : merci de la signaler).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/parsers.py" line="112" />
      <source>Column '{column}' is missing in {file} (source '{source}'); columns found: {found}</source>
      <translation>Colonne '{column}' absente de {file} (source '{source}') ; colonnes trouvées : {found}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/checks/source_check.py" line="129" />
      <source>Columns missing: {columns}</source>
      <translation>Colonnes manquantes : {columns}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/service.py" line="121" />
      <source>Commune card indicators (Options): {error}</source>
      <translation>Indicateurs de la fiche commune (Options) : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/provenance.py" line="43" />
      <source>Commune codes that match no commune of today: {codes}</source>
      <translation>Codes de commune sans commune actuelle : {codes}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/layers.py" line="134" />
      <source>Commune outlines for {territory}</source>
      <translation>Contours des communes pour {territory}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/http.py" line="229" />
      <source>Connection to {host} failed ({reason}) for {url}. Check the network, QGIS's proxy (Settings &gt; Options &gt; Network) and the mirror (Settings &gt; Options &gt; ANCT Territoires), or work offline from the cache (Offline mode).</source>
      <translation>La connexion à {host} a échoué ({reason}) pour {url}. Vérifiez le réseau, le proxy de QGIS (Préférences &gt; Options &gt; Réseau) et le miroir (Préférences &gt; Options &gt; ANCT Territoires), ou travaillez hors ligne à partir du cache (mode Hors ligne).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/datagouv.py" line="84" />
      <source>Dataset '{dataset}' has no file that fits: {rule}. Files published: {available}</source>
      <translation>Le jeu de données « {dataset} » n'a aucun fichier qui convienne : {rule}. Fichiers publiés : {available}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/datagouv.py" line="95" />
      <source>Dataset '{dataset}' has several files that fit ({rule}): {files}. The publisher may have added a file: the catalogue must say which one to read.</source>
      <translation>Le jeu de données « {dataset} » a plusieurs fichiers qui conviennent ({rule}) : {files}. Le producteur a peut-être ajouté un fichier : le catalogue doit dire lequel lire.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/memberships/card.py" line="81" />
      <source>Details of the unavailable sources in the ANCT log panel.</source>
      <translation>Détails des sources indisponibles dans le panneau de journal ANCT.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/territories.py" line="304" />
      <source>Did you mean: {choices}?</source>
      <translation>Vouliez-vous dire : {choices} ?</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/http.py" line="329" />
      <source>Download cancelled: {url}</source>
      <translation>Téléchargement annulé : {url}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/fetcher.py" line="309" />
      <source>Downloading {url}</source>
      <translation>Téléchargement de {url}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/memberships/card.py" line="62" />
      <source>Département: {dep}</source>
      <translation>Département : {dep}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/territories.py" line="204" />
      <source>EPCI {code}</source>
      <translation>EPCI {code}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/memberships/card.py" line="61" />
      <source>EPCI: {epci}</source>
      <translation>EPCI : {epci}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_layer.py" line="255" />
      <source>EPT of the Métropole du Grand Paris: the union of their member communes ({file}, INSEE).</source>
      <translation>EPT de la Métropole du Grand Paris : l'union de leurs communes membres ({file}, Insee).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/fetcher.py" line="59" />
      <source>Empty file received from {url}</source>
      <translation>Fichier vide reçu de {url}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/provenance.py" line="39" />
      <source>File: {file}</source>
      <translation>Fichier : {file}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_figures.py" line="72" />
      <source>France: n.d. (the Observatoire's download API has no France level)</source>
      <translation>France : n.d. (l'API de téléchargement de l'Observatoire n'a pas de niveau France)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_layer.py" line="201" />
      <source>Geography of the file: {geography}</source>
      <translation>Géographie du fichier : {geography}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_layer.py" line="227" />
      <source>Give an indicator (dataset.indic or a map link) or a file.</source>
      <translation>Indiquez un indicateur (dataset.indic ou un lien de la carte) ou un fichier.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/http.py" line="199" />
      <source>HTTP {status} from {url}</source>
      <translation>HTTP {status} renvoyé par {url}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/http.py" line="198" />
      <source>HTTP {status} from {url}: {text}</source>
      <translation>HTTP {status} de {url} : {text}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/source_files.py" line="227" />
      <source>IGN ADMIN EXPRESS cannot be had either: {error}</source>
      <translation>IGN ADMIN EXPRESS est lui aussi indisponible : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_network.py" line="107" />
      <source>IGN BD TOPO v3 troncon_de_route (Géoplateforme WFS), fetched on {day}</source>
      <translation>BD TOPO v3 de l'IGN, troncon_de_route (WFS de la Géoplateforme), téléchargée le {day}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_layer.py" line="193" />
      <source>Id: {id} — {link}</source>
      <translation>Identifiant : {id} — {link}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_layer.py" line="191" />
      <source>Indicator: {label}</source>
      <translation>Indicateur : {label}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/provenance.py" line="46" />
      <source>Listed without geometry (none of their communes has an outline): {items}</source>
      <translation>Listés sans géométrie (aucune de leurs communes n'a de contour) : {items}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/layer_info.py" line="114" />
      <source>Municipal population (INSEE) of the national commune table of geo.api.gouv.fr, {date}</source>
      <translation>Population municipale (Insee) de la table nationale des communes de geo.api.gouv.fr, {date}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/http.py" line="142" />
      <source>No QGIS proxy: system settings and HTTP(S)_PROXY variables apply</source>
      <translation>Aucun proxy QGIS : les paramètres du système et les variables HTTP(S)_PROXY s'appliquent</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/http.py" line="344" />
      <source>No answer within {seconds:g} s from {url}</source>
      <translation>Aucune réponse de {url} en {seconds:g} s</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_source.py" line="73" />
      <source>No commune outline for {territory}: its road network cannot be placed.</source>
      <translation>Aucun contour de commune pour {territory} : son réseau routier ne peut pas être situé.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/editions.py" line="160" />
      <source>No edition of {url} from {first} back to {last} in the mirror {mirror}: the mirror has no copy of it. Copy the publisher's file into the mirror, or clear the mirror in Settings &gt; Options &gt; ANCT Territoires.</source>
      <translation>Aucune édition de {url} de {first} à {last} dans le miroir {mirror} : le miroir n'en a pas de copie. Copiez le fichier du producteur dans le miroir, ou videz le champ du miroir dans Préférences &gt; Options &gt; ANCT Territoires.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/editions.py" line="167" />
      <source>No edition of {url} is published from {first} back to {last}.</source>
      <translation>Aucune édition de {url} n'est publiée de {first} à {last}.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/point_layers.py" line="111" />
      <source>No road a car uses in {territory}.</source>
      <translation>Aucune route carrossable dans {territory}.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/territories.py" line="235" />
      <source>No territory given: use FR, a région, département, EPCI or commune code, or a name.</source>
      <translation>Aucun territoire indiqué : utilisez FR, un code de région, de département, d'EPCI ou de commune, ou un nom.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_layer.py" line="239" />
      <source>None of the {n} rows of the indicator (geography: {geography}) is a place of the level '{level}': choose the level of the file. Codes read: {codes}</source>
      <translation>Aucune des {n} lignes de l'indicateur (géographie : {geography}) n'est un lieu du niveau « {level} » : choisissez le niveau du fichier. Codes lus : {codes}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/mirror.py" line="29" />
      <source>Not an http(s) URL: {url}</source>
      <translation>URL non http(s) : {url}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/memberships/card.py" line="103" />
      <source>Observatoire des territoires</source>
      <translation>Observatoire des territoires</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/fetcher.py" line="175" />
      <source>Offline mode: no cached copy of {url}</source>
      <translation>Mode hors ligne : aucune copie en cache de {url}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/editions.py" line="140" />
      <source>Offline mode: no cached edition of {url}</source>
      <translation>Mode hors ligne : aucune édition de {url} en cache</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/fetcher.py" line="178" />
      <source>Offline mode: using the cached copy of {url}, {age} old</source>
      <translation>Mode hors ligne : utilisation de la copie de {url} mise en cache il y a {age}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/territories.py" line="347" />
      <source>Optional reference list unavailable ({error}); going on without it.</source>
      <translation>Liste de référence facultative indisponible ({error}) ; le traitement continue sans elle.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/cartography/export.py" line="38" />
      <source>PDF export failed: {path}</source>
      <translation>Échec de l'export PDF : {path}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/memberships/card.py" line="59" />
      <source>Population: {population}</source>
      <translation>Population : {population}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/provenance.py" line="41" />
      <source>Population: {source}</source>
      <translation>Population : {source}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/http.py" line="141" />
      <source>QGIS proxy: {proxy}</source>
      <translation>Proxy QGIS : {proxy}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/mirror.py" line="35" />
      <source>Refused: the path of {url} would leave the mirror root.</source>
      <translation>Refusé : le chemin de {url} sortirait de la racine du miroir.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/mirror.py" line="31" />
      <source>Refused: {url} does not name a host.</source>
      <translation>Refusé : {url} ne désigne pas un hôte.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/mirror.py" line="103" />
      <source>Refused: {url} would leave the mirror root.</source>
      <translation>Refusé : {url} sortirait de la racine du miroir.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_network.py" line="140" />
      <source>Road section {n} of the page {page} {problem}: the service's answer cannot be read.</source>
      <translation>Le tronçon de route {n} de la page {page} {problem} : la réponse du service est illisible.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_network.py" line="221" />
      <source>Road sections: {n} pages, {matched} sections announced</source>
      <translation>Tronçons de route : {n} pages, {matched} tronçons annoncés</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/observatoire.py" line="177" />
      <source>Rows by sex: the total (T) is kept.</source>
      <translation>Lignes par sexe : l'ensemble (T) est gardé.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/memberships/card.py" line="63" />
      <source>Région: {region}</source>
      <translation>Région : {region}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/provenance.py" line="37" />
      <source>Source date: {date}</source>
      <translation>Date de la source : {date}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/provenance.py" line="22" />
      <source>Source: {publisher}, {date} (fetched {fetched}). Licence: {licence}.</source>
      <translation>Source : {publisher}, {date} (téléchargée le {fetched}). Licence : {licence}.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_layer.py" line="197" />
      <source>Source: {source}</source>
      <translation>Source : {source}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_layer.py" line="289" />
      <source>The EPT of the Métropole du Grand Paris are left unplaced: their member communes could not be read from INSEE's ept_au_01-01-&lt;year&gt;.zip ({error}). Go online, or copy the file into the mirror.</source>
      <translation>Les EPT de la Métropole du Grand Paris restent sans contour : leurs communes membres n'ont pas pu être lues dans le fichier ept_au_01-01-&lt;année&gt;.zip de l'Insee ({error}). Passez en ligne, ou copiez le fichier dans le miroir.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_network.py" line="331" />
      <source>The Géoplateforme announced {announced} road sections in {box} but gave {read} distinct ones ({reason}): the network would be incomplete, and the times wrong.</source>
      <translation>La Géoplateforme a annoncé {announced} tronçons de route dans {box} mais n'en a donné que {read} distincts ({reason}) : le réseau serait incomplet, et les temps faux.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_source.py" line="147" />
      <source>The Géoplateforme answered no road section in {box} ({crs}): check the territory, or the mirror if one is set.</source>
      <translation>La Géoplateforme n'a renvoyé aucun tronçon de route dans {box} ({crs}) : vérifiez le territoire, ou le miroir s'il y en a un.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_layer.py" line="95" />
      <source>The Observatoire des territoires does not know {id} at this level ({level}, nivgeo={nivgeo}): check the id on its map (the link's i= or indics=) or choose another level. ({error})</source>
      <translation>L'Observatoire des territoires ne connaît pas {id} à ce niveau ({level}, nivgeo={nivgeo}) : vérifiez l'identifiant sur sa carte (le i= ou indics= du lien) ou choisissez un autre niveau. ({error})</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_layer.py" line="161" />
      <source>The Observatoire publishes {id} for {years}, not for {year}.</source>
      <translation>L'Observatoire publie {id} pour {years}, pas pour {year}.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/parsers.py" line="299" />
      <source>The archive {file} (source '{source}') holds {n} workbooks (one expected): {names}</source>
      <translation>L'archive {file} (source '{source}') contient {n} classeurs (un attendu) : {names}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/parsers.py" line="386" />
      <source>The archive {file} holds {n} datasets matching '{rule}' (one expected): {names}</source>
      <translation>L'archive {file} contient {n} jeux de données correspondant à « {rule} » (un seul attendu) : {names}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/cartography/export.py" line="58" />
      <source>The bookmarks of the combined PDF need the Python package pypdf, which is not installed: install python3-pypdf (Debian, Ubuntu) or run 'python3 -m pip install pypdf' in QGIS's Python (the OSGeo4W Shell on Windows), then run the atlas again.</source>
      <translation>Les signets du PDF unique demandent le paquet Python pypdf, qui n'est pas installé : installez python3-pypdf (Debian, Ubuntu) ou lancez « python3 -m pip install pypdf » dans le Python de QGIS (l'OSGeo4W Shell sous Windows), puis relancez l'atlas.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/fetcher.py" line="231" />
      <source>The cache cannot be written ({error}): working from it as it is.</source>
      <translation>Le cache ne peut pas être écrit ({error}) : il est utilisé tel quel.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/fetcher.py" line="275" />
      <source>The cache cannot be written ({error}): {url} is used without being kept.</source>
      <translation>Le cache ne peut pas être écrit ({error}) : {url} est utilisé sans être conservé.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/cache.py" line="117" />
      <source>The cache folder {path} is a file, or inside one: choose a folder in Settings &gt; Options &gt; ANCT Territoires or in ANCT_QGIS_CACHE_DIR.</source>
      <translation>Le dossier de cache {path} est un fichier, ou se trouve dans un fichier : choisissez un dossier dans Préférences &gt; Options &gt; ANCT Territoires ou dans ANCT_QGIS_CACHE_DIR.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/fetcher.py" line="169" />
      <source>The cached copy of {url} is damaged: it is not used.</source>
      <translation>La copie en cache de {url} est endommagée : elle n'est pas utilisée.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/memberships/tables.py" line="162" />
      <source>The cross-table of ANCT programmes is unavailable ({error}): each list is read.</source>
      <translation>Le croisement des dispositifs de l'ANCT est indisponible ({error}) : chaque liste est lue.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/storage/pack.py" line="131" />
      <source>The folder does not exist</source>
      <translation>Le dossier n'existe pas</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/layer_loading.py" line="183" />
      <source>The layer could not be read back from {path}.</source>
      <translation>La couche n'a pas pu être relue depuis {path}.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/cartography/template.py" line="104" />
      <source>The layout template {path} could not be loaded.</source>
      <translation>Le modèle de mise en page {path} n'a pas pu être chargé.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/cartography/template.py" line="99" />
      <source>The layout template {path} is not valid XML.</source>
      <translation>Le modèle de mise en page {path} n'est pas un XML valide.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/territories.py" line="378" />
      <source>The map extent covers no French département.</source>
      <translation>L'emprise de la carte ne couvre aucun département français.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/mirror.py" line="94" />
      <source>The mirror folder does not exist: {path}</source>
      <translation>Le dossier du miroir n'existe pas : {path}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/fetcher.py" line="301" />
      <source>The mirror has no copy of {url} (looked for {path})</source>
      <translation>Le miroir n'a aucune copie de {url} (fichier recherché : {path})</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/mirror.py" line="67" />
      <source>The mirror {mirror} contains a control character: correct it in Settings &gt; Options &gt; ANCT Territoires or in ANCT_QGIS_MIRROR.</source>
      <translation>Le miroir {mirror} contient un caractère de contrôle : corrigez-le dans Préférences &gt; Options &gt; ANCT Territoires ou dans ANCT_QGIS_MIRROR.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/mirror.py" line="79" />
      <source>The mirror {url} has an invalid port.</source>
      <translation>Le miroir {url} a un port invalide.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/fetcher.py" line="224" />
      <source>The new file of {url} could not be used: the previous copy is kept.</source>
      <translation>Le nouveau fichier de {url} est inutilisable : la copie précédente est conservée.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/datagouv.py" line="110" />
      <source>The resource '{title}' has no download link.</source>
      <translation>La ressource « {title} » n'a pas de lien de téléchargement.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_source.py" line="140" />
      <source>The road network could not be fetched from the IGN Géoplateforme: {error} — give a NETWORK layer, or set a mirror or the proxy in the ANCT options.</source>
      <translation>Le réseau routier n'a pas pu être téléchargé depuis la Géoplateforme de l'IGN : {error} — donnez une couche NETWORK, ou réglez un miroir ou le proxy dans les options ANCT.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_source.py" line="65" />
      <source>The road network is fetched for a région, a département, an EPCI or a commune, not for the whole country.</source>
      <translation>Le réseau routier se télécharge pour une région, un département, un EPCI ou une commune, pas pour la France entière.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_network.py" line="257" />
      <source>The road section page at STARTINDEX={start} of {box} repeats sections already read: the service ignores STARTINDEX, and the network cannot be paged.</source>
      <translation>La page de tronçons de route à STARTINDEX={start} de {box} répète des tronçons déjà lus : le service ignore STARTINDEX, et le réseau ne peut pas être lu page par page.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/provenance.py" line="51" />
      <source>The source could not be reached: a stale cached copy was used.</source>
      <translation>La source n'a pas pu être jointe : une copie en cache périmée a été utilisée.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/mirror.py" line="84" />
      <source>The user name and password of the mirror {url} (authentication configuration {authcfg}) cannot be read: check it in Settings &gt; Options &gt; Authentication.</source>
      <translation>Le nom d'utilisateur et le mot de passe du miroir {url} (configuration d'authentification {authcfg}) ne peuvent pas être lus : vérifiez-la dans Préférences &gt; Options &gt; Authentification.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_layer.py" line="195" />
      <source>Unit: {unit}</source>
      <translation>Unité : {unit}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/catalogue.py" line="1078" />
      <source>Unknown layer '{layer}'. Known layers: {known}</source>
      <translation>Couche inconnue '{layer}'. Couches connues : {known}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/territories.py" line="302" />
      <source>Unknown territory '{text}'.</source>
      <translation>Territoire inconnu '{text}'.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_source.py" line="165" />
      <source>Values the road profile does not know, left out of the network: {values}</source>
      <translation>Valeurs inconnues du profil routier, écartées du réseau : {values}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/settings.py" line="92" />
      <source>a number greater than {minimum:g}</source>
      <translation>un nombre supérieur à {minimum:g}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/settings.py" line="93" />
      <source>a number of at least {minimum:g}</source>
      <translation>un nombre d'au moins {minimum:g}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/settings.py" line="90" />
      <source>a whole number of at least {minimum:g}</source>
      <translation>un nombre entier d'au moins {minimum:g}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/parsers.py" line="90" />
      <source>binary</source>
      <translation>binaire</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/errors.py" line="84" />
      <source>could not be read</source>
      <translation>illisible</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_network.py" line="155" />
      <source>has a geometry that is not GeoJSON</source>
      <translation>a une géométrie qui n'est pas du GeoJSON</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_network.py" line="163" />
      <source>has coordinates that are not numbers</source>
      <translation>a des coordonnées qui ne sont pas des nombres</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_network.py" line="150" />
      <source>is not a GeoJSON feature</source>
      <translation>n'est pas une entité GeoJSON</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_network.py" line="150" />
      <source>is null</source>
      <translation>est nul (null)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_network.py" line="329" />
      <source>its pages stopped or repeated at STARTINDEX={start}</source>
      <translation>ses pages se sont arrêtées ou répétées à STARTINDEX={start}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_style.py" line="90" />
      <source>n.d.</source>
      <translation>n.d.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/memberships/card.py" line="71" />
      <source>no</source>
      <translation>non</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/errors.py" line="77" />
      <source>no answer from the network</source>
      <translation>pas de réponse du réseau</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_figures.py" line="103" />
      <source>not published at this level, nivgeo={nivgeo}</source>
      <translation>non publié à ce niveau, nivgeo={nivgeo}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/memberships/card.py" line="154" />
      <source>not published for this commune</source>
      <translation>non publié pour cette commune</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/observatoire.py" line="144" />
      <source>nothing</source>
      <translation>rien</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/errors.py" line="71" />
      <source>offline mode, and no copy in the cache</source>
      <translation>mode hors ligne, et aucune copie en cache</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/errors.py" line="83" />
      <source>the cache cannot be written</source>
      <translation>le cache ne peut pas être écrit</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/cache.py" line="102" />
      <source>the cache entry {folder} is locked by another process</source>
      <translation>l'entrée de cache {folder} est verrouillée par un autre processus</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/http.py" line="223" />
      <source>the connection was cut during the transfer</source>
      <translation>la connexion a été coupée pendant le transfert</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/http.py" line="221" />
      <source>the connection was refused</source>
      <translation>la connexion a été refusée</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/errors.py" line="79" />
      <source>the file is not in the expected shape</source>
      <translation>le fichier n'a pas la forme attendue</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/cache.py" line="103" />
      <source>the lock file of {folder} cannot be written</source>
      <translation>le fichier de verrou de {folder} ne peut pas être écrit</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/errors.py" line="73" />
      <source>the mirror has no copy of the file</source>
      <translation>le miroir n'a pas de copie du fichier</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/errors.py" line="81" />
      <source>the mirror setting is wrong</source>
      <translation>le réglage du miroir est erroné</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/http.py" line="222" />
      <source>the network is unreachable</source>
      <translation>le réseau est injoignable</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_network.py" line="327" />
      <source>the page at STARTINDEX={start} came back empty</source>
      <translation>la page à STARTINDEX={start} est revenue vide</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/http.py" line="218" />
      <source>the proxy did not let the request through</source>
      <translation>le proxy n'a pas laissé passer la requête</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/errors.py" line="73" />
      <source>the publisher's file was not found</source>
      <translation>le fichier du producteur est introuvable</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/http.py" line="219" />
      <source>the secure connection failed: certificate not trusted?</source>
      <translation>la connexion sécurisée a échoué : certificat non reconnu ?</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/errors.py" line="76" />
      <source>the server answered with an error (HTTP {status})</source>
      <translation>le serveur a répondu par une erreur (HTTP {status})</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/http.py" line="220" />
      <source>the server's name could not be resolved: no network?</source>
      <translation>le nom du serveur n'a pas pu être résolu : pas de réseau ?</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/http.py" line="464" />
      <source>truncated body, {got} of {expected} bytes</source>
      <translation>contenu tronqué, {got} octets sur {expected}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/memberships/card.py" line="151" />
      <source>unavailable ({reason})</source>
      <translation>indisponible ({reason})</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_figures.py" line="87" />
      <source>years differ: {years}</source>
      <translation>années différentes : {years}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/memberships/card.py" line="89" />
      <source>{date}, ANCT cross-table</source>
      <translation>{date}, croisement des dispositifs de l'ANCT</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/memberships/card.py" line="91" />
      <source>{date}, list newer than the cross-table</source>
      <translation>{date}, liste plus récente que le croisement</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/source_files.py" line="177" />
      <source>{error} — the publisher has probably replaced this file with a new resource: look for it on {page} and report its address (source '{source}').</source>
      <translation>{error} — l'éditeur a probablement remplacé ce fichier par une nouvelle ressource : cherchez-la sur {page} et signalez sa nouvelle adresse (source '{source}').</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/fetcher.py" line="103" />
      <source>{error} — using the cached copy from {age} ago.</source>
      <translation>{error} — utilisation de la copie mise en cache il y a {age}.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/editions.py" line="153" />
      <source>{error} — using the cached edition {edition}.</source>
      <translation>{error} — l'édition {edition} en cache est utilisée.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/parsers.py" line="410" />
      <source>{file} (source '{source}') cannot be read as a vector layer.</source>
      <translation>{file} (source '{source}') ne peut pas être lu comme une couche vecteur.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/parsers.py" line="149" />
      <source>{file} (source '{source}') has a header but no rows.</source>
      <translation>{file} (source '{source}') a un en-tête mais aucune ligne.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/source_files.py" line="79" />
      <source>{file} (source '{source}') has no geometry.</source>
      <translation>{file} (source « {source} ») n'a aucune géométrie.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/source_files.py" line="62" />
      <source>{file} (source '{source}') holds no feature.</source>
      <translation>{file} (source '{source}') ne contient aucune entité.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/parsers.py" line="268" />
      <source>{file} (source '{source}') holds no table.</source>
      <translation>{file} (source « {source} ») ne contient aucun tableau.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/parsers.py" line="403" />
      <source>{file} (source '{source}') is a damaged ZIP archive.</source>
      <translation>{file} (source '{source}') est une archive ZIP endommagée.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/parsers.py" line="132" />
      <source>{file} (source '{source}') is empty.</source>
      <translation>{file} (source '{source}') est vide.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/parsers.py" line="423" />
      <source>{file} (source '{source}') is not a non-empty JSON list.</source>
      <translation>{file} (source '{source}') n'est pas une liste JSON non vide.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/parsers.py" line="167" />
      <source>{file} (source '{source}') is not a readable XLSX workbook.</source>
      <translation>{file} (source « {source} ») n'est pas un classeur XLSX lisible.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/parsers.py" line="139" />
      <source>{file} (source '{source}') is not a valid CSV file: {error}</source>
      <translation>{file} (source '{source}') n'est pas un fichier CSV valide : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/parsers.py" line="359" />
      <source>{file} (source '{source}') is not valid JSON: {error}</source>
      <translation>{file} (source '{source}') n'est pas un JSON valide : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/parsers.py" line="185" />
      <source>{file} (source '{source}') unpacks to more than {mb} MB: refused (a national grid is about 13 MB). The server may have sent another file.</source>
      <translation>{file} (source '{source}') se décompresse en plus de {mb} Mo : refusé (une grille nationale fait environ 13 Mo). Le serveur a peut-être envoyé un autre fichier.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/parsers.py" line="309" />
      <source>{file} (source '{source}') unpacks to more than {mb} MB: refused.</source>
      <translation>{file} (source '{source}') dépasse {mb} Mo une fois décompressé : refusé.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/parsers.py" line="238" />
      <source>{file} (source '{source}'): sheet '{sheet}' has more than {n} rows: refused.</source>
      <translation>{file} (source '{source}') : la feuille « {sheet} » a plus de {n} lignes : refusée.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/observatoire.py" line="296" />
      <source>{file} holds the Observatoire's header but no row.</source>
      <translation>{file} contient l'en-tête de l'Observatoire mais aucune ligne.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/observatoire.py" line="282" />
      <source>{file} is a workbook without the Observatoire's header (codgeo, libgeo, … or Code, Libellé, …) in its sheets {sheets}: its first cells are {found}.</source>
      <translation>{file} est un classeur sans l'en-tête de l'Observatoire (codgeo, libgeo, … ou Code, Libellé, …) dans ses feuilles {sheets} : ses premières cellules sont {found}.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/observatoire.py" line="224" />
      <source>{file} is an HTML page, not an Observatoire answer (an error page of the server?).</source>
      <translation>{file} est une page HTML, pas une réponse de l'Observatoire (une page d'erreur du serveur ?).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/observatoire.py" line="238" />
      <source>{file} is neither an answer of the Observatoire's API (codgeo;libgeo;…) nor an export of its map (Code;Libellé;…): it starts with {found}.</source>
      <translation>{file} n'est ni une réponse de l'API de l'Observatoire (codgeo;libgeo;…) ni un export de sa carte (Code;Libellé;…) : il commence par {found}.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/parsers.py" line="89" />
      <source>{file} is not a text file ({kind}): the server may have sent it compressed without saying so.</source>
      <translation>{file} n'est pas un fichier texte ({kind}) : le serveur l'a peut-être envoyé compressé sans le dire.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/point_layers.py" line="66" />
      <source>{file}: none of its {n} rows has coordinates that can be placed (columns {x}, {y}).</source>
      <translation>{file} : aucune de ses {n} lignes n'a de coordonnées utilisables (colonnes {x}, {y}).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/observatoire.py" line="162" />
      <source>{file}: the header {header} has no value column after codgeo and libgeo.</source>
      <translation>{file} : l'en-tête {header} n'a pas de colonne de valeur après codgeo et libgeo.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/memberships/card.py" line="155" />
      <source>{ftth} % of premises eligible to fibre ({n} of {total}); {without} % without a wired offer of 30 Mbit/s or more [{date}]</source>
      <translation>{ftth} % des locaux éligibles à la fibre ({n} sur {total}) ; {without} % sans offre filaire d'au moins 30 Mbit/s [{date}]</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/http.py" line="294" />
      <source>{host} answered "too many requests" (HTTP 429) {n} times in a row: it is not asked again in this run, {url} is not downloaded. Try again later.</source>
      <translation>{host} a répondu « trop de requêtes » (HTTP 429) {n} fois de suite : il n'est plus interrogé pendant cette exécution, {url} n'est pas téléchargé. Réessayez plus tard.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_figures.py" line="105" />
      <source>{id} at the level {level}: {error}</source>
      <translation>{id} au niveau {level} : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/storage/pack.py" line="150" />
      <source>{layer}: unavailable — {error}</source>
      <translation>{layer} : indisponible — {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_style.py" line="59" />
      <source>{method}, {n} classes</source>
      <translation>{method}, {n} classes</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/settings.py" line="100" />
      <source>{name}={value} is refused: {expected} is expected. The default {default} is used.</source>
      <translation>{name}={value} est refusé : {expected} est attendu. La valeur par défaut {default} est utilisée.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/fetcher.py" line="51" />
      <source>{n} days</source>
      <translation>{n} jours</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/fetcher.py" line="50" />
      <source>{n} h</source>
      <translation>{n} h</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/fetcher.py" line="48" />
      <source>{n} min</source>
      <translation>{n} min</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_layer.py" line="205" />
      <source>{n} places not classified (-9999 in the file): NULL.</source>
      <translation>{n} lieux non classés (-9999 dans le fichier) : NULL.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_source.py" line="157" />
      <source>{n} road sections with coordinates outside the area of {crs} left out (coordinates in another CRS, or swapped?).</source>
      <translation>{n} tronçons de route aux coordonnées hors du domaine de {crs} écartés (coordonnées dans un autre SCR, ou inversées ?).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/roads/road_source.py" line="153" />
      <source>{n} road sections without a line geometry left out.</source>
      <translation>{n} tronçons de route sans géométrie linéaire écartés.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_layer.py" line="203" />
      <source>{n} values missing or secret: NULL (n.d.), never 0.</source>
      <translation>{n} valeurs manquantes ou secrètes : NULL (n.d.), jamais 0.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/storage/pack.py" line="134" />
      <source>{path} is a folder: give the pack a file name, e.g. {example}.</source>
      <translation>{path} est un dossier : donnez un nom de fichier au paquet, par exemple {example}.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/storage/gpkg_store.py" line="72" />
      <source>{path} stays locked by another program (another QGIS?) after {n} s: {error}. Close it there, then load again.</source>
      <translation>{path} reste verrouillé par un autre programme (un autre QGIS ?) après {n} s : {error}. Fermez-le là-bas, puis chargez de nouveau.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_figures.py" line="125" />
      <source>{place}: n.d. (no value in the Observatoire's answer{year})</source>
      <translation>{place} : n.d. (pas de valeur dans la réponse de l'Observatoire{year})</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_figures.py" line="79" />
      <source>{place}: n.d. ({reason})</source>
      <translation>{place} : n.d. ({reason})</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_figures.py" line="122" />
      <source>{place}: {value}</source>
      <translation>{place} : {value}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/checks/source_check.py" line="164" />
      <source>{source}: codes that match no commune of today: {codes}</source>
      <translation>{source} : codes sans commune actuelle : {codes}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/checks/source_check.py" line="152" />
      <source>{source}: {status} — {file}, {date}, {size} bytes, {rows} rows</source>
      <translation>{source} : {status} — {file}, {date}, {size} octets, {rows} lignes</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/memberships/tables.py" line="146" />
      <source>{title}: commune codes that match no commune of today (counted for their département and France only): {codes}</source>
      <translation>{title} : codes de commune sans commune actuelle (comptés pour leur département et la France seulement) : {codes}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/source_files.py" line="212" />
      <source>{title}: départements {codes} are missing (cannot be had: {error}); the layer holds the others.</source>
      <translation>{title} : départements {codes} manquants (indisponibles : {error}) ; la couche contient les autres.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/source_files.py" line="235" />
      <source>{title}: geo.api.gouv.fr could not give the outlines of départements {codes} ({error}); every outline comes from IGN ADMIN EXPRESS (Géoplateforme WFS {typename}), the population from the national commune table.</source>
      <translation>{title} : geo.api.gouv.fr n'a pas pu fournir les contours des départements {codes} ({error}) ; tous les contours viennent d'IGN ADMIN EXPRESS (WFS de la Géoplateforme {typename}), la population de la table nationale des communes.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/source_files.py" line="125" />
      <source>{title}: names unavailable ({error}); ids only.</source>
      <translation>{title} : noms indisponibles ({error}) ; identifiants seulement.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/native_layers.py" line="83" />
      <source>{title}: no file to read for {territory}.</source>
      <translation>{title} : aucun fichier à lire pour {territory}.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/memberships/tables.py" line="141" />
      <source>{title}: unavailable — {error}</source>
      <translation>{title} : indisponible — {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/layer_loading.py" line="150" />
      <source>{title}: written to {path}, as the project's GeoPackage cannot be written ({error}).</source>
      <translation>{title} : écrite dans {path}, car le GeoPackage du projet ne peut pas être écrit ({error}).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/commune_joins.py" line="123" />
      <source>{title}: {n} communes have no outline here (their programmes are drawn without them): {codes}</source>
      <translation>{title} : {n} communes n'ont pas de contour ici (leurs programmes sont dessinés sans elles) : {codes}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/native_layers.py" line="93" />
      <source>{title}: {n} features outside the coordinate system's area left out.</source>
      <translation>{title} : {n} entités hors du domaine du système de coordonnées écartées.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/native_layers.py" line="89" />
      <source>{title}: {n} invalid geometries repaired.</source>
      <translation>{title} : {n} géométries invalides réparées.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/commune_joins.py" line="129" />
      <source>{title}: {n} listed without geometry, none of their communes has an outline here: {programmes}</source>
      <translation>{title} : {n} listés sans géométrie, aucune de leurs communes n'a de contour ici : {programmes}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/layer_info.py" line="124" />
      <source>{title}: {n} rows carry commune codes that match no commune of today (not placed in any commune): {codes}</source>
      <translation>{title} : {n} lignes portent des codes de commune sans commune actuelle (placées dans aucune commune) : {codes}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/point_layers.py" line="82" />
      <source>{title}: {n} rows have fewer cells than the header (read with empty cells).</source>
      <translation>{title} : {n} lignes ont moins de cellules que l'en-tête (lues avec des cellules vides).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/indicator_layer.py" line="266" />
      <source>{title}: {n} rows match no place of the level '{level}' (left out): {codes}</source>
      <translation>{title} : {n} lignes ne correspondent à aucun lieu du niveau « {level} » (laissées de côté) : {codes}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/building/point_layers.py" line="75" />
      <source>{title}: {n} rows without valid coordinates left out (missing, not a number, or outside the coordinate system's area).</source>
      <translation>{title} : {n} lignes sans coordonnées valides écartées (absentes, non numériques ou hors du domaine du système de coordonnées).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/fetcher.py" line="313" />
      <source>{url} answered 304 without a cached copy</source>
      <translation>{url} a répondu 304 sans copie en cache</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/fetcher.py" line="63" />
      <source>{url} answered a service error: {reason}</source>
      <translation>{url} a répondu par une erreur du service : {reason}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/fetcher.py" line="65" />
      <source>{url} answered an HTML or XML page instead of data (error page, login portal or proxy message).</source>
      <translation>{url} a renvoyé une page HTML ou XML au lieu de données (page d'erreur, portail de connexion ou message du proxy).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/http.py" line="472" />
      <source>{url} is larger than allowed once decompressed ({mb:.0f} MB from {wire:.1f} MB received; ANCT_QGIS_MAX_DOWNLOAD_MB).</source>
      <translation>{url} dépasse la taille permise une fois décompressé ({mb:.0f} Mo pour {wire:.1f} Mo reçus ; ANCT_QGIS_MAX_DOWNLOAD_MB).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/published/datagouv.py" line="30" />
      <source>{url} is not a data.gouv.fr dataset document (no 'resources').</source>
      <translation>{url} n'est pas une fiche de jeu de données data.gouv.fr (pas de 'resources').</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/core/travel/http.py" line="401" />
      <source>{url} took longer than {seconds:g} s to download (ANCT_QGIS_DEADLINE).</source>
      <translation>Le téléchargement de {url} a dépassé {seconds:g} s (ANCT_QGIS_DEADLINE).</translation>
    </message>
  </context>
  <context>
    <name>AnctPanel</name>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="75" />
      <source> h</source>
      <translation> h</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/cache_actions.py" line="78" />
      <source>; unavailable: {ids}</source>
      <translation> ; indisponibles : {ids}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/dock.py" line="275" />
      <source>ANCT</source>
      <translation>ANCT</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/dock.py" line="32" />
      <source>ANCT Territoires</source>
      <translation>ANCT Territoires</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="174" />
      <source>ANCT mirror {host}</source>
      <translation>Miroir ANCT {host}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/locator.py" line="22" />
      <source>ANCT territories</source>
      <translation>Territoires ANCT</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/tasks.py" line="226" />
      <source>ANCT: commune card</source>
      <translation>ANCT : fiche commune</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/tasks.py" line="214" />
      <source>ANCT: communes in the map extent</source>
      <translation>ANCT : communes dans l'emprise de la carte</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/tasks.py" line="189" />
      <source>ANCT: indicator {id} for {territory}</source>
      <translation>ANCT : indicateur {id} pour {territory}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/tasks.py" line="82" />
      <source>ANCT: loading territories</source>
      <translation>ANCT : chargement des territoires</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/tasks.py" line="104" />
      <source>ANCT: loading {n} layers for {territory}</source>
      <translation>ANCT : chargement de {n} couches pour {territory}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/tasks.py" line="242" />
      <source>ANCT: territory pack for {territory}</source>
      <translation>ANCT : paquet territorial pour {territory}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="106" />
      <source>Arcep quarter</source>
      <translation>Trimestre Arcep</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/cache_actions.py" line="24" />
      <source>Ask the sources whether the ticked layers changed, then load them</source>
      <translation>Demander aux sources si les couches cochées ont changé, puis les charger</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/sizes.py" line="8" />
      <source>B</source>
      <translation>o</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/catalogue_tree.py" line="38" />
      <source>Cache</source>
      <translation>Cache</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="63" />
      <source>Cache folder</source>
      <translation>Dossier du cache</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/cache_actions.py" line="46" />
      <source>Cache purged for {titles}: {n} files removed.</source>
      <translation>Cache purgé pour {titles} : {n} fichiers supprimés.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="72" />
      <source>Cache size</source>
      <translation>Taille du cache</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/foreground.py" line="18" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/cache_actions.py" line="71" />
      <source>Cancelled.</source>
      <translation>Annulé.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/tasks.py" line="254" />
      <source>Cannot write {path}: {error}</source>
      <translation>Impossible d'écrire {path} : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/territory_chooser.py" line="99" />
      <source>Choose a territory.</source>
      <translation>Choisissez un territoire.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="114" />
      <source>Commune card indicators</source>
      <translation>Indicateurs de la fiche commune</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/commune_card.py" line="15" />
      <source>Commune card — {name}</source>
      <translation>Fiche commune — {name}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/territory_chooser.py" line="39" />
      <source>Commune, EPCI, département, région or code…</source>
      <translation>Commune, EPCI, département, région ou code…</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/indicator_row.py" line="23" />
      <source>Communes</source>
      <translation>Communes</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/locator.py" line="32" />
      <source>Containing the text</source>
      <translation>Contenant le texte</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/commune_card.py" line="21" />
      <source>Copy as text</source>
      <translation>Copier en texte</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="90" />
      <source>Data folder</source>
      <translation>Dossier des données</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/indicator_row.py" line="25" />
      <source>Departments</source>
      <translation>Départements</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/summary.py" line="83" />
      <source>Details in the ANCT log panel.</source>
      <translation>Détails dans l'onglet ANCT du journal.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/i18n.py" line="18" />
      <source>EPCI</source>
      <translation>EPCI</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="105" />
      <source>Empty: the newest quarter published (or e.g. 2024_T2)</source>
      <translation>Vide : le trimestre le plus récent publié (ou par exemple 2024_T2)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/dock.py" line="61" />
      <source>Filter the catalogue</source>
      <translation>Filtrer le catalogue</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="92" />
      <source>Folder or http(s) base URL (empty: the public sources)</source>
      <translation>Dossier ou URL de base http(s) (vide : les sources publiques)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/sizes.py" line="8" />
      <source>GB</source>
      <translation>Go</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/cache_actions.py" line="54" />
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/catalogue_tree.py" line="66" />
      <source>Indicators — Observatoire des territoires</source>
      <translation>Indicateurs — Observatoire des territoires</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/catalogue_tree.py" line="38" />
      <source>Layer</source>
      <translation>Couche</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/indicator_row.py" line="37" />
      <source>Level:</source>
      <translation>Niveau :</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/catalogue_tree.py" line="38" />
      <source>Licence</source>
      <translation>Licence</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/catalogue_loading.py" line="23" />
      <source>Load</source>
      <translation>Charger</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/catalogue_loading.py" line="26" />
      <source>Load again the layers that could not be had</source>
      <translation>Charger à nouveau les couches qui n'ont pas pu l'être</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/indicator_row.py" line="48" />
      <source>Load indicator</source>
      <translation>Charger l'indicateur</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/catalogue_loading.py" line="74" />
      <source>Loading cancelled.</source>
      <translation>Chargement annulé.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/territory_chooser.py" line="51" />
      <source>Loading territories…</source>
      <translation>Chargement des territoires…</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/sizes.py" line="8" />
      <source>MB</source>
      <translation>Mo</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/territory_chooser.py" line="48" />
      <source>Map extent</source>
      <translation>Emprise de la carte</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/indicator_row.py" line="49" />
      <source>Map the selected indicator for the territory at the chosen level</source>
      <translation>Cartographier l'indicateur sélectionné pour le territoire au niveau choisi</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="93" />
      <source>Mirror</source>
      <translation>Miroir</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="103" />
      <source>Mirror credentials</source>
      <translation>Identifiants du miroir</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/tasks.py" line="233" />
      <source>No commune here.</source>
      <translation>Aucune commune ici.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/summary.py" line="55" />
      <source>Nothing in the source for this territory: {titles}.</source>
      <translation>Rien dans la source pour ce territoire : {titles}.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="110" />
      <source>Observatoire des territoires indicators the commune card shows, separated by commas: {ids}</source>
      <translation>Indicateurs de l'Observatoire des territoires que montre la fiche commune, séparés par des virgules : {ids}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="108" />
      <source>Observatoire ids, e.g. insee_rp_hist_1968.dens_pop</source>
      <translation>Identifiants de l'Observatoire, par exemple insee_rp_hist_1968.dens_pop</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/dock.py" line="82" />
      <source>Offline (cache only)</source>
      <translation>Hors ligne (cache uniquement)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="80" />
      <source>Offline mode</source>
      <translation>Mode hors ligne</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/catalogue_tree.py" line="22" />
      <source>Open Licence 2.0</source>
      <translation>Licence Ouverte 2.0</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="117" />
      <source>Proxy</source>
      <translation>Proxy</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/cache_actions.py" line="26" />
      <source>Purge</source>
      <translation>Purger</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="68" />
      <source>Purge the cache</source>
      <translation>Vider le cache</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/cache_actions.py" line="23" />
      <source>Refresh</source>
      <translation>Actualiser</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/summary.py" line="28" />
      <source>Refresh failed, cached copy used: {items}.</source>
      <translation>Actualisation échouée, copie en cache utilisée : {items}.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/indicator_row.py" line="26" />
      <source>Regions</source>
      <translation>Régions</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/cache_actions.py" line="39" />
      <source>Remove from the cache the files of: {titles}? Files that other layers still use are kept.</source>
      <translation>Retirer du cache les fichiers de : {titles} ? Les fichiers encore utilisés par d'autres couches sont conservés.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/cache_actions.py" line="27" />
      <source>Remove the ticked layers from the cache</source>
      <translation>Retirer les couches cochées du cache</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/catalogue_loading.py" line="25" />
      <source>Retry</source>
      <translation>Réessayer</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/locator.py" line="32" />
      <source>Same name or code</source>
      <translation>Même nom ou code</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/cache_actions.py" line="29" />
      <source>Save pack…</source>
      <translation>Enregistrer le paquet…</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/cache_actions.py" line="54" />
      <source>Save the territory pack</source>
      <translation>Enregistrer le paquet territorial</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/cache_actions.py" line="30" />
      <source>Save the ticked layers of the territory in one GeoPackage, for offline work</source>
      <translation>Enregistrer les couches cochées du territoire dans un GeoPackage, pour le travail hors ligne</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/catalogue_tree.py" line="68" />
      <source>Select an indicator, choose the level below the list, then Load indicator.</source>
      <translation>Sélectionnez un indicateur, choisissez le niveau sous la liste, puis Charger l'indicateur.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="78" />
      <source>Serve only the cache</source>
      <translation>Utiliser uniquement le cache</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="134" />
      <source>Set by ANCT_QGIS_* environment variables (they win): {names}</source>
      <translation>Défini par les variables d'environnement ANCT_QGIS_* (elles sont prioritaires) : {names}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/catalogue_tree.py" line="38" />
      <source>Size</source>
      <translation>Taille</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/catalogue_tree.py" line="38" />
      <source>Source date</source>
      <translation>Date de la source</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/locator.py" line="32" />
      <source>Starting with the text</source>
      <translation>Commençant par le texte</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/territory_chooser.py" line="70" />
      <source>Territories unavailable: {error}</source>
      <translation>Territoires indisponibles : {error}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/cache_actions.py" line="75" />
      <source>Territory pack saved: {path} ({n} layers{missing}).</source>
      <translation>Paquet territorial enregistré : {path} ({n} couches{missing}).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/territory_chooser.py" line="121" />
      <source>Territory: {label} — {n} communes, CRS {crs}</source>
      <translation>Territoire : {label} — {n} communes, SCR {crs}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/summary.py" line="76" />
      <source>The layers already in the project were kept. Check that the folder can be written and has free space, or choose another data folder (Options &gt; ANCT Territoires), then Retry.</source>
      <translation>Les couches déjà présentes dans le projet ont été conservées. Vérifiez que le dossier est accessible en écriture et qu'il reste de la place, ou choisissez un autre dossier de données (Options &gt; ANCT Territoires), puis Réessayer.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="180" />
      <source>The mirror's user name and password could not be kept in QGIS's authentication database (disabled, or no master password): the mirror {url} is saved without them. Add them in Settings &gt; Options &gt; Authentication and choose them as the mirror's credentials.</source>
      <translation>Le nom d'utilisateur et le mot de passe du miroir n'ont pas pu être conservés dans la base d'authentification de QGIS (désactivée, ou sans mot de passe principal) : le miroir {url} est enregistré sans eux. Ajoutez-les dans Préférences &gt; Options &gt; Authentification et choisissez-les comme identifiants du miroir.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/summary.py" line="71" />
      <source>The network did not answer: check the proxy (QGIS Options &gt; Network) or the mirror (Options &gt; ANCT Territoires), or work offline from the cache, then Retry.</source>
      <translation>Le réseau n'a pas répondu : vérifiez le proxy (Options de QGIS &gt; Réseau) ou le miroir (Options &gt; ANCT Territoires), ou travaillez hors ligne à partir du cache, puis cliquez sur Réessayer.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/indicator_row.py" line="42" />
      <source>The places the indicator is mapped on, in the territory; regions only where the Observatoire publishes them.</source>
      <translation>Les lieux sur lesquels l'indicateur est cartographié, dans le territoire ; les régions seulement quand l'Observatoire les publie.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="98" />
      <source>The user name and password (or token) of an http mirror, kept encrypted in QGIS's authentication database. Typed in the mirror's URL, they are moved there on OK.</source>
      <translation>Le nom d'utilisateur et le mot de passe (ou le jeton) d'un miroir http, conservés chiffrés dans la base d'authentification de QGIS. Saisis dans l'URL du miroir, ils y sont déplacés à la validation (OK).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/dock.py" line="261" />
      <source>These layers stay in the data folder, outside the project's folder: {items}. Check that the project's folder can be written, then save again.</source>
      <translation>Ces couches restent dans le dossier de données, hors du dossier du projet : {items}. Vérifiez que le dossier du projet est accessible en écriture, puis enregistrez de nouveau.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="77" />
      <source>Time-to-live</source>
      <translation>Durée de validité</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/summary.py" line="67" />
      <source>Unavailable: {items}.</source>
      <translation>Indisponibles : {items}.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/territory_chooser.py" line="49" />
      <source>Use the communes visible in the map canvas</source>
      <translation>Utiliser les communes visibles dans le canevas de carte</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/dock.py" line="52" />
      <source>User guide (French)</source>
      <translation>Guide de l'utilisateur</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="85" />
      <source>Where the panel writes the layers it loads while the project is not saved (a saved project keeps them in &lt;project&gt;_anct.gpkg beside it).</source>
      <translation>Où le panneau écrit les couches qu'il charge tant que le projet n'est pas enregistré (un projet enregistré les garde dans &lt;projet&gt;_anct.gpkg, à côté de lui).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/catalogue_tree.py" line="29" />
      <source>cached on {date}</source>
      <translation>en cache le {date}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/territory_chooser.py" line="70" />
      <source>cancelled</source>
      <translation>annulé</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/i18n.py" line="19" />
      <source>commune</source>
      <translation>commune</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/locator.py" line="40" />
      <source>commune — open its card</source>
      <translation>commune — ouvrir sa fiche</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/i18n.py" line="15" />
      <source>country</source>
      <translation>pays</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/i18n.py" line="17" />
      <source>department</source>
      <translation>département</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/options.py" line="152" />
      <source>emptied when you press OK</source>
      <translation>vidé quand vous cliquerez sur OK</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/sizes.py" line="8" />
      <source>kB</source>
      <translation>ko</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/summary.py" line="65" />
      <source>no answer from the network</source>
      <translation>pas de réponse du réseau</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/catalogue_tree.py" line="28" />
      <source>not cached</source>
      <translation>non mis en cache</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/catalogue_tree.py" line="31" />
      <source>offline (cached on {date})</source>
      <translation>hors ligne (en cache le {date})</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/catalogue_tree.py" line="124" />
      <source>refresh failed: copy from {age} ago</source>
      <translation>actualisation échouée : copie d'il y a {age}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/i18n.py" line="16" />
      <source>region</source>
      <translation>région</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/catalogue_tree.py" line="30" />
      <source>stale (cached on {date})</source>
      <translation>périmé (en cache le {date})</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/indicator_row.py" line="72" />
      <source>{id} — %p %</source>
      <translation>{id} — %p %</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/catalogue_tree.py" line="75" />
      <source>{id} — {label}
Unit: {unit}
Theme: {theme}
Observatoire des territoires (ANCT)</source>
      <translation>{id} — {label}
Unité : {unit}
Thème : {theme}
Observatoire des territoires (ANCT)</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/locator.py" line="42" />
      <source>{kind} — set as the panel's territory</source>
      <translation>{kind} — en faire le territoire du panneau</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/summary.py" line="16" />
      <source>{n} downloaded from the mirror {mirror}</source>
      <translation>{n} téléchargées depuis le miroir {mirror}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/summary.py" line="18" />
      <source>{n} downloaded from the publishers</source>
      <translation>{n} téléchargées chez les producteurs</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/summary.py" line="22" />
      <source>{n} from the cache (copies from {age} ago)</source>
      <translation>{n} depuis le cache (copies d'il y a {age})</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/dock.py" line="254" />
      <source>{n} layers moved into {path}, beside the project: move the project with its folder.</source>
      <translation>{n} couches déplacées dans {path}, à côté du projet : déplacez le projet avec son dossier.</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/tasks.py" line="138" />
      <source>{n}/{total} — {title}</source>
      <translation>{n}/{total} — {title}</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/summary.py" line="48" />
      <source>{territory}: {n} layers loaded ({titles}).</source>
      <translation>{territory} : {n} couches chargées ({titles}).</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/summary.py" line="30" />
      <source>{title} (copy from {age} ago; {error})</source>
      <translation>{title} (copie d'il y a {age} ; {error})</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/gui/indicator_row.py" line="93" />
      <source>{title}: {n} places of {territory} ({level}).</source>
      <translation>{title} : {n} lieux de {territory} ({level}).</translation>
    </message>
  </context>
  <context>
    <name>AnctPlugin</name>
    <message>
      <location filename="../anct_qgis_plugin/plugin.py" line="57" />
      <source>ANCT Territoires panel</source>
      <translation>Panneau ANCT Territoires</translation>
    </message>
    <message>
      <location filename="../anct_qgis_plugin/plugin.py" line="65" />
      <source>Commune card (click a commune)</source>
      <translation>Fiche commune (cliquer sur une commune)</translation>
    </message>
  </context>
  <context>
    <name>AnctProvider</name>
    <message>
      <location filename="../anct_qgis_plugin/processing/provider.py" line="56" />
      <source>ANCT Territoires</source>
      <translation>ANCT Territoires</translation>
    </message>
  </context>
</TS>
