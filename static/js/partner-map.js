/* Maps of partners: progressive enhancement of the list or table on the page.
 * #partner-map (the partner index's map): one marker layer per country
 * (switchable in the layers control), each popup linking to the partner page.
 * #directory-map (the partnership directory): every partner town of the
 * filtered directory, clustered with Leaflet.markercluster so that 20,000
 * points stay usable; its GeoJSON has short keys (u local unit, p partner,
 * c country code). Without JavaScript, Leaflet or tiles the list, the table
 * and the server-drawn SVG map still say it all. A server-drawn map that the
 * interactive one replaces names it (data-replaced-by="directory-map"): it is
 * hidden while the interactive map is shown, so that readers see one map. */
(function () {
    "use strict";
    if (!window.L || !window.fetch) {
        return;
    }
    ["partner-map", "directory-map"].forEach(function (id) {
        var container = document.getElementById(id);
        if (container) {
            initMap(container);
        }
    });

    function directoryPopup(properties) {
        /* Text nodes only: names are imported data. */
        var wrapper = document.createElement("div");
        var heading = document.createElement("strong");
        heading.textContent = properties.u + " – " + properties.p;
        wrapper.appendChild(heading);
        var country = document.createElement("p");
        country.textContent = properties.c;
        wrapper.appendChild(country);
        return wrapper;
    }

    function initClustered(container, map, collection, icon) {
        var clusters = L.markerClusterGroup({chunkedLoading: true, showCoverageOnHover: false});
        var markers = collection.features.map(function (feature) {
            var properties = feature.properties;
            var latLng = [feature.geometry.coordinates[1], feature.geometry.coordinates[0]];
            var label = properties.u + " – " + properties.p;
            return L.marker(latLng, {title: label, alt: label, keyboard: true, icon: icon})
                .bindPopup(function () { return directoryPopup(properties); });
        });
        clusters.addLayers(markers);
        map.addLayer(clusters);
        var bounds = clusters.getBounds();
        if (bounds.isValid()) {
            map.fitBounds(bounds, {padding: [30, 30], maxZoom: 8});
        }
        container.dataset.ready = "true";
    }

    function showInteractive(container, shown) {
        container.hidden = !shown;
        document.querySelectorAll("[data-replaced-by]").forEach(function (element) {
            if (element.dataset.replacedBy === container.id) {
                element.hidden = shown;
            }
        });
    }

    function initMap(container) {
        var data = container.dataset;
        var clustered = data.cluster === "true" && typeof L.markerClusterGroup === "function";
        var icon = L.icon({
            iconUrl: data.iconUrl,
            iconRetinaUrl: data.iconRetinaUrl,
            shadowUrl: data.shadowUrl,
            iconSize: [25, 41],
            iconAnchor: [12, 41],
            popupAnchor: [1, -34],
            shadowSize: [41, 41]
        });

        function popupContent(properties) {
            /* Built with DOM nodes, never HTML strings: titles are editors' text. */
            var wrapper = document.createElement("div");
            var link = document.createElement("a");
            link.href = properties.url;
            link.textContent = properties.title;
            link.className = "partner-map__link";
            var heading = document.createElement("strong");
            heading.appendChild(link);
            wrapper.appendChild(heading);
            var details = document.createElement("p");
            details.textContent = [properties.official_name, properties.country_name, properties.relationship_status]
                .filter(Boolean).join(" · ");
            wrapper.appendChild(details);
            return wrapper;
        }

        fetch(data.geojsonUrl, {headers: {Accept: "application/geo+json"}})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("GeoJSON request failed: " + response.status);
                }
                return response.json();
            })
            .then(function (collection) {
                if (!collection.features.length) {
                    return;
                }
                showInteractive(container, true);
                var map = L.map(container, {scrollWheelZoom: false});
                if (data.tileUrl) {
                    L.tileLayer(data.tileUrl, {maxZoom: 18, attribution: data.tileAttribution}).addTo(map);
                }
                if (clustered) {
                    initClustered(container, map, collection, icon);
                    return;
                }
                var countries = {};
                var bounds = [];
                collection.features.forEach(function (feature) {
                    var properties = feature.properties;
                    var latLng = [feature.geometry.coordinates[1], feature.geometry.coordinates[0]];
                    if (!countries[properties.country_name]) {
                        countries[properties.country_name] = L.layerGroup().addTo(map);
                    }
                    L.marker(latLng, {icon: icon, title: properties.title, alt: properties.title, keyboard: true})
                        .bindPopup(popupContent(properties))
                        .addTo(countries[properties.country_name]);
                    bounds.push(latLng);
                });
                L.control.layers(null, countries, {collapsed: false}).addTo(map);
                map.fitBounds(bounds, {padding: [30, 30], maxZoom: 8});
                container.dataset.ready = "true";
            })
            .catch(function (error) {
                showInteractive(container, false);
                if (window.console) {
                    window.console.warn(error);
                }
            });
    }
})();
