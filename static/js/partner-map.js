/* Map of partners: progressive enhancement of the list on the page.
 * Reads the partners from the GeoJSON endpoint, one marker layer per country
 * (switchable in the layers control), each popup linking to the partner page.
 * Without JavaScript, Leaflet or tiles the list below the map still says it all. */
(function () {
    "use strict";
    var container = document.getElementById("partner-map");
    if (!container || !window.L || !window.fetch) {
        return;
    }
    var data = container.dataset;
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
            container.hidden = false;
            var map = L.map(container, {scrollWheelZoom: false});
            if (data.tileUrl) {
                L.tileLayer(data.tileUrl, {maxZoom: 18, attribution: data.tileAttribution}).addTo(map);
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
            container.hidden = true;
            if (window.console) {
                window.console.warn(error);
            }
        });
})();
