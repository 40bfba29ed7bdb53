"""The demo network's content, restated from the seed documents.

Facts (names, dates, countries, roles) come from ../shared/seeds/; the
sentences are our own. Texts wrapped in ``T`` exist in Polish, English and
German and are translated through wagtail-localize; plain strings are
Polish only. Dates of current initiatives are offsets in days from the day
the demo is loaded, so the calendar always has past and upcoming events.

Each partner town and organisation names its network (demo/sites.py); an
initiative or a news item belongs to its organisation's network. The seeds
give no date for Izabelin's agreements with Borken and Méru, so those pages
have none. Initiatives and news are not in the seeds: the loader marks each
as an example on the page.
"""

import datetime

from .translation import T


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


# --- Areas of cooperation (a translatable snippet) ---------------------------
AREAS = [
    (
        "culture",
        T("Kultura", "Culture", "Kultur"),
        T(
            "Wystawy, koncerty, występy zespołów i wymiana artystów.",
            "Exhibitions, concerts, performing groups and artist exchanges.",
            "Ausstellungen, Konzerte, Auftritte von Ensembles und Künstleraustausch.",
        ),
    ),
    (
        "education",
        T("Edukacja", "Education", "Bildung"),
        T(
            "Współpraca szkół, nauczycieli i wspólne projekty edukacyjne.",
            "Cooperation between schools and teachers, and joint educational projects.",
            "Zusammenarbeit von Schulen und Lehrkräften sowie gemeinsame Bildungsprojekte.",
        ),
    ),
    (
        "youth-exchange",
        T("Wymiana młodzieży", "Youth exchange", "Jugendaustausch"),
        T(
            "Wizyty i rewizyty grup młodzieży oraz uczniów.",
            "Visits and return visits of youth groups and pupils.",
            "Besuche und Gegenbesuche von Jugendgruppen und Schülern.",
        ),
    ),
    (
        "sport",
        T("Sport", "Sport", "Sport"),
        T(
            "Turnieje, biegi i współpraca klubów sportowych.",
            "Tournaments, runs and cooperation between sports clubs.",
            "Turniere, Läufe und Zusammenarbeit von Sportvereinen.",
        ),
    ),
    (
        "seniors",
        T("Seniorzy", "Seniors", "Senioren"),
        T(
            "Kluby seniora, spotkania i aktywność osób starszych.",
            "Senior clubs, meetings and activities for older people.",
            "Seniorenclubs, Begegnungen und Angebote für ältere Menschen.",
        ),
    ),
    (
        "local-government",
        T("Samorząd lokalny", "Local government", "Kommunalverwaltung"),
        T(
            "Wymiana doświadczeń administracji i idea samorządności.",
            "Sharing administrative experience and the idea of self-government.",
            "Erfahrungsaustausch der Verwaltungen und die Idee der Selbstverwaltung.",
        ),
    ),
    (
        "environment",
        T("Ochrona środowiska", "Environment", "Umweltschutz"),
        T(
            "Wspólne działania na rzecz przyrody, klimatu i energii odnawialnej.",
            "Joint action for nature, the climate and renewable energy.",
            "Gemeinsames Handeln für Natur, Klima und erneuerbare Energie.",
        ),
    ),
    (
        "agriculture",
        T("Rolnictwo", "Agriculture", "Landwirtschaft"),
        T(
            "Wymiana wiedzy rolników i producentów żywności.",
            "Knowledge exchange between farmers and food producers.",
            "Wissensaustausch zwischen Landwirten und Lebensmittelerzeugern.",
        ),
    ),
    (
        "charity",
        T("Działalność charytatywna", "Charity", "Wohltätigkeit"),
        T(
            "Zbiórki, paczki i pomoc osobom w potrzebie.",
            "Collections, parcels and help for people in need.",
            "Sammlungen, Pakete und Hilfe für Bedürftige.",
        ),
    ),
    (
        "volunteering",
        T("Wolontariat", "Volunteering", "Ehrenamt"),
        T(
            "Promocja i organizacja pracy wolontariuszy.",
            "Promoting and organising volunteer work.",
            "Förderung und Organisation ehrenamtlicher Arbeit.",
        ),
    ),
    (
        "tourism",
        T("Turystyka", "Tourism", "Tourismus"),
        T(
            "Promocja miast partnerskich i ich dziedzictwa.",
            "Promoting partner towns and their heritage.",
            "Werbung für die Partnerstädte und ihr Erbe.",
        ),
    ),
    (
        "social-inclusion",
        T("Integracja społeczna", "Social inclusion", "Soziale Inklusion"),
        T(
            "Wsparcie osób z niepełnosprawnościami, rodzin i osób wykluczonych.",
            "Support for people with disabilities, families and excluded people.",
            "Unterstützung von Menschen mit Behinderungen, Familien und Ausgegrenzten.",
        ),
    ),
    (
        "business",
        T("Przedsiębiorczość", "Business", "Wirtschaft"),
        T(
            "Lokalni przedsiębiorcy, staże i współpraca gospodarcza.",
            "Local entrepreneurs, internships and economic cooperation.",
            "Lokale Unternehmen, Praktika und wirtschaftliche Zusammenarbeit.",
        ),
    ),
    (
        "health",
        T("Zdrowie", "Health", "Gesundheit"),
        T(
            "Profilaktyka, krwiodawstwo i pierwsza pomoc.",
            "Prevention, blood donation and first aid.",
            "Vorsorge, Blutspende und Erste Hilfe.",
        ),
    ),
]

# --- Partner towns ---------------------------------------------------------------
KJ = "Gmina Konstancin-Jeziorna"
MAYOR_KJ = T("Burmistrz Konstancina-Jeziorny", "Mayor of Konstancin-Jeziorna", "Bürgermeister von Konstancin-Jeziorna")


def signatory(name, function):
    return {"name": name, "function": function}


PARTNERS = [
    {
        "slug": "leidschendam",
        "network": "konstancin",
        "local_unit": "Konstancin-Jeziorna",
        "title": T("Leidschendam", "Leidschendam", "Leidschendam"),
        "translate": True,
        "official_name": "Leidschendam-Voorburg",
        "country": "NL",
        "region": T("Holandia Południowa", "South Holland", "Südholland"),
        "lat": "52.083300",
        "lng": "4.388900",
        "status": "official_agreement",
        "since": datetime.date(1991, 5, 3),
        "areas": [
            "local-government",
            "culture",
            "education",
            "agriculture",
            "environment",
            "charity",
            "sport",
            "youth-exchange",
        ],
        "summary": T(
            "Najstarszy partner Konstancina-Jeziorny: współpraca trwa od porozumienia z 1991 roku i obejmuje samorząd, kulturę, szkoły, rolnictwo, ekologię, pomoc charytatywną, sport i młodzież.",
            "Konstancin-Jeziorna's oldest partner: cooperation has lasted since the 1991 agreement and covers local government, culture, schools, farming, the environment, charity, sport and young people.",
            "Der älteste Partner von Konstancin-Jeziorna: Die Zusammenarbeit besteht seit der Vereinbarung von 1991 und umfasst Verwaltung, Kultur, Schulen, Landwirtschaft, Umwelt, Wohltätigkeit, Sport und Jugend.",
        ),
        "agreements": [
            (
                datetime.date(1991, 5, 3),
                "cooperation_agreement",
                "Konstancin-Jeziorna",
                [
                    signatory(
                        "Will de Wreeze",
                        T("Burmistrz Leidschendam", "Mayor of Leidschendam", "Bürgermeister von Leidschendam"),
                    ),
                    signatory("Józef Hlebowicz", MAYOR_KJ),
                ],
                None,
            )
        ],
    },
    {
        "slug": "saint-germain-en-laye",
        "network": "konstancin",
        "local_unit": "Konstancin-Jeziorna",
        "title": T("Saint-Germain-en-Laye", "Saint-Germain-en-Laye", "Saint-Germain-en-Laye"),
        "translate": True,
        "official_name": "Ville de Saint-Germain-en-Laye",
        "country": "FR",
        "region": T(
            "Île-de-France, departament Yvelines",
            "Île-de-France, Yvelines department",
            "Île-de-France, Département Yvelines",
        ),
        "lat": "48.898900",
        "lng": "2.093800",
        "status": "official_agreement",
        "since": datetime.date(1992, 4, 5),
        "areas": ["education", "culture", "youth-exchange"],
        "summary": T(
            "Drugie miasto partnerskie Konstancina-Jeziorny. Od 1992 roku regularne wymiany szkolne i wspólne przedsięwzięcia kulturalne.",
            "Konstancin-Jeziorna's second partner town. Regular school exchanges and joint cultural projects since 1992.",
            "Die zweite Partnerstadt von Konstancin-Jeziorna. Seit 1992 regelmäßiger Schüleraustausch und gemeinsame Kulturprojekte.",
        ),
        "agreements": [
            (
                datetime.date(1992, 4, 5),
                "partnership_agreement",
                "",
                [
                    signatory(
                        "Michel Péricard",
                        T(
                            "Mer Saint-Germain-en-Laye",
                            "Mayor of Saint-Germain-en-Laye",
                            "Bürgermeister von Saint-Germain-en-Laye",
                        ),
                    ),
                    signatory("Józef Hlebowicz", MAYOR_KJ),
                ],
                None,
            )
        ],
    },
    {
        "slug": "hranice",
        "network": "konstancin",
        "local_unit": "Konstancin-Jeziorna",
        "title": T("Hranice", "Hranice", "Hranice"),
        "translate": True,
        "official_name": "Město Hranice",
        "country": "CZ",
        "region": T("Kraj ołomuniecki", "Olomouc Region", "Olmützer Region"),
        "lat": "49.548000",
        "lng": "17.734700",
        "status": "official_agreement",
        "since_year": 2005,
        "areas": ["sport", "seniors", "education", "culture"],
        "summary": T(
            "Kontakty od 2005 roku, umowa od 2006. Wspólne projekty sportowe, spotkania klubów seniora, wymiany szkół i występy artystów.",
            "Contacts since 2005, an agreement since 2006. Joint sports projects, meetings of seniors' clubs, school exchanges and artists' performances.",
            "Kontakte seit 2005, ein Vertrag seit 2006. Gemeinsame Sportprojekte, Treffen der Seniorenklubs, Schüleraustausch und Auftritte von Künstlern.",
        ),
        "agreements": [
            (
                datetime.date(2006, 4, 7),
                "cooperation_agreement",
                "",
                [
                    signatory(
                        "Vladimír Juračka",
                        T("Starosta miasta Hranice", "Mayor of Hranice", "Bürgermeister von Hranice"),
                    ),
                    signatory("Marek Skowroński", MAYOR_KJ),
                ],
                None,
            )
        ],
    },
    {
        "slug": "krzemieniec",
        "network": "konstancin",
        "local_unit": "Konstancin-Jeziorna",
        "title": T("Krzemieniec", "Kremenets", "Kremenez"),
        "translate": True,
        "official_name": "Кременець (Kremenets)",
        "country": "UA",
        "region": T("Obwód tarnopolski", "Ternopil Oblast", "Oblast Ternopil"),
        "lat": "50.103600",
        "lng": "25.725300",
        "status": "official_agreement",
        "since": datetime.date(2007, 4, 27),
        "areas": ["youth-exchange", "education", "local-government"],
        "summary": T(
            "Regularne wizyty uczniów i nauczycieli, m.in. z Liceum Krzemienieckiego, oficjalne wizyty władz i wymiana doświadczeń w administracji publicznej.",
            "Regular visits of pupils and teachers, among them from the Kremenets Lyceum, official visits of the authorities and exchange of experience in public administration.",
            "Regelmäßige Besuche von Schülern und Lehrern, unter anderem des Lyzeums von Kremenez, offizielle Besuche der Verwaltungen und Erfahrungsaustausch in der öffentlichen Verwaltung.",
        ),
        "agreements": [
            (
                datetime.date(2007, 4, 27),
                "cooperation_agreement",
                "",
                [
                    signatory(
                        "Leonid Kiczaty", T("Burmistrz Krzemieńca", "Mayor of Kremenets", "Bürgermeister von Kremenez")
                    ),
                    signatory("Marek Skowroński", MAYOR_KJ),
                ],
                None,
            )
        ],
    },
    {
        "slug": "pisogne",
        "network": "konstancin",
        "local_unit": "Konstancin-Jeziorna",
        "title": T("Pisogne", "Pisogne", "Pisogne"),
        "translate": True,
        "official_name": "Comune di Pisogne",
        "country": "IT",
        "region": T("Lombardia, prowincja Brescia", "Lombardy, province of Brescia", "Lombardei, Provinz Brescia"),
        "lat": "45.807500",
        "lng": "10.108900",
        "status": "official_agreement",
        "since": datetime.date(2008, 6, 6),
        "areas": ["education", "culture", "youth-exchange"],
        "summary": T(
            "Nauczyciele z obu miast współpracowali już pod koniec lat 90.; po dekadzie wspólnych projektów podpisano umowę partnerską. Wizyty młodzieży, projekty edukacyjne i kulturalne.",
            "Teachers from both towns already worked together in the late 1990s; after a decade of joint projects a partnership agreement was signed. Youth visits, educational and cultural projects.",
            "Lehrer beider Städte arbeiteten schon Ende der 1990er-Jahre zusammen; nach einem Jahrzehnt gemeinsamer Projekte wurde ein Partnerschaftsvertrag unterzeichnet. Jugendbesuche, Bildungs- und Kulturprojekte.",
        ),
        "agreements": [
            (
                datetime.date(2008, 6, 6),
                "partnership_agreement",
                "",
                [
                    signatory(
                        "Oscar Panigada", T("Burmistrz Pisogne", "Mayor of Pisogne", "Bürgermeister von Pisogne")
                    ),
                    signatory("Marek Skowroński", MAYOR_KJ),
                ],
                None,
            )
        ],
    },
    {
        "slug": "cesis",
        "network": "konstancin",
        "local_unit": "Konstancin-Jeziorna",
        "title": T("Cēsis", "Cēsis", "Cēsis"),
        "translate": True,
        "official_name": "Cēsis",
        "country": "LV",
        "region": T("Vidzeme", "Vidzeme", "Livland (Vidzeme)"),
        "lat": "57.311900",
        "lng": "25.270600",
        "status": "cooperation_agreement",
        "since": datetime.date(2009, 1, 27),
        "areas": ["culture"],
        "summary": T(
            "Współpraca oparta na protokole z 2009 roku: występy lokalnych zespołów i wystawy twórców z obu miast.",
            "Cooperation based on a 2009 protocol: performances by local ensembles and exhibitions of artists from both towns.",
            "Zusammenarbeit auf Grundlage eines Protokolls von 2009: Auftritte örtlicher Ensembles und Ausstellungen von Künstlern beider Städte.",
        ),
        "agreements": [
            (
                datetime.date(2009, 1, 27),
                "cooperation_protocol",
                "",
                [
                    signatory("Gints Šķenders", T("Burmistrz Cēsis", "Mayor of Cēsis", "Bürgermeister von Cēsis")),
                    signatory("Marek Skowroński", MAYOR_KJ),
                ],
                None,
            )
        ],
    },
    {
        "slug": "nowa-wilejka",
        "network": "konstancin",
        "local_unit": "Konstancin-Jeziorna",
        "title": T("Nowa Wilejka", "Naujoji Vilnia", "Naujoji Vilnia"),
        "translate": True,
        "official_name": "Naujoji Vilnia",
        "kind": "county",
        "country": "LT",
        "region": T("Wilno (dzielnica miasta)", "Vilnius (a district of the city)", "Vilnius (Stadtteil)"),
        "lat": "54.693900",
        "lng": "25.417200",
        "status": "official_agreement",
        "since_year": 1994,
        "areas": ["culture", "volunteering", "charity"],
        "summary": T(
            "Kontakty od 1994 roku, gdy wymieniły się dziecięce zespoły pieśni i tańca. Dziś grupy artystyczne, promocja wolontariatu i akcje charytatywne.",
            "Contacts since 1994, when children's song and dance ensembles visited each other. Today: artistic groups, promoting volunteering and charity campaigns.",
            "Kontakte seit 1994, als sich Kinder-Gesangs- und Tanzensembles besuchten. Heute: Künstlergruppen, Förderung des Ehrenamts und Wohltätigkeitsaktionen.",
        ),
        "agreements": [
            (
                datetime.date(2009, 3, 20),
                "partnership_agreement",
                T("Wilno", "Vilnius", "Vilnius"),
                [
                    signatory(
                        "Jurijus Gridiuško",
                        T(
                            "Starosta dzielnicy Naujoji Vilnia",
                            "Head of the Naujoji Vilnia district",
                            "Vorsteher des Stadtteils Naujoji Vilnia",
                        ),
                    ),
                    signatory("Marek Skowroński", MAYOR_KJ),
                ],
                None,
            )
        ],
    },
    {
        "slug": "denzlingen",
        "network": "konstancin",
        "local_unit": "Konstancin-Jeziorna",
        "title": T("Denzlingen", "Denzlingen", "Denzlingen"),
        "translate": True,
        "official_name": "Gemeinde Denzlingen",
        "country": "DE",
        "region": T("Badenia-Wirtembergia", "Baden-Württemberg", "Baden-Württemberg"),
        "lat": "48.068600",
        "lng": "7.882800",
        "status": "official_agreement",
        "since_year": 2008,
        "areas": ["youth-exchange", "education", "local-government", "culture"],
        "summary": T(
            "Współpraca zaczęła się w 2008 roku od listu intencyjnego władz Denzlingen; umowę partnerską podpisano w 2011 roku. Wymiany uczniów, projekty edukacyjne i wymiana doświadczeń administracji.",
            "Cooperation began in 2008 with a letter of intent from Denzlingen's council; the partnership agreement was signed in 2011. Pupil exchanges, educational projects and sharing of administrative experience.",
            "Die Zusammenarbeit begann 2008 mit einer Absichtserklärung der Gemeinde Denzlingen; der Partnerschaftsvertrag wurde 2011 unterzeichnet. Schüleraustausch, Bildungsprojekte und Erfahrungsaustausch der Verwaltungen.",
        ),
        "agreements": [
            (
                datetime.date(2011, 6, 19),
                "partnership_agreement",
                "",
                [
                    signatory(
                        "Markus Hollemann",
                        T("Burmistrz Denzlingen", "Mayor of Denzlingen", "Bürgermeister von Denzlingen"),
                    ),
                    signatory("Kazimierz Jańczuk", MAYOR_KJ),
                ],
                "agreement-denzlingen",
            )
        ],
    },
    {
        "slug": "borken",
        "network": "izabelin",
        "local_unit": "Izabelin",
        "title": T("Borken", "Borken", "Borken"),
        "translate": True,
        "official_name": "Stadt Borken",
        "country": "DE",
        "region": T("Nadrenia Północna-Westfalia", "North Rhine-Westphalia", "Nordrhein-Westfalen"),
        "lat": "51.843900",
        "lng": "6.858100",
        "status": "official_agreement",
        "areas": ["youth-exchange", "sport", "culture"],
        "summary": T(
            "Niemiecki partner gminy Izabelin, związany z nią oficjalną umową. Wizyty mieszkańców, spotkania młodzieży i klubów sportowych.",
            "Izabelin's German partner, linked by an official agreement. Residents' visits and meetings of young people and sports clubs.",
            "Deutscher Partner der Gemeinde Izabelin, verbunden durch einen offiziellen Vertrag. Bürgerbesuche, Jugend- und Sportvereinstreffen.",
        ),
        "agreements": [],
    },
    {
        "slug": "meru",
        "network": "izabelin",
        "local_unit": "Izabelin",
        "title": T("Méru", "Méru", "Méru"),
        "translate": True,
        "official_name": "Ville de Méru",
        "country": "FR",
        "region": T(
            "Hauts-de-France, departament Oise", "Hauts-de-France, Oise department", "Hauts-de-France, Département Oise"
        ),
        "lat": "49.236400",
        "lng": "2.133900",
        "status": "official_agreement",
        "areas": ["culture", "youth-exchange"],
        "summary": T(
            "Francuski partner gminy Izabelin, związany z nią oficjalną umową. Wspólne wystawy i spotkania mieszkańców.",
            "Izabelin's French partner, linked by an official agreement. Joint exhibitions and meetings of residents.",
            "Französischer Partner der Gemeinde Izabelin, verbunden durch einen offiziellen Vertrag. Gemeinsame Ausstellungen und Bürgertreffen.",
        ),
        "agreements": [],
    },
    {
        "slug": "mickuny",
        "network": "izabelin",
        "local_unit": "Izabelin",
        "title": T("Mickuny", "Mickūnai", "Mickūnai"),
        "translate": True,
        "official_name": "Mickūnai",
        "kind": "county",
        "country": "LT",
        "region": T("Rejon wileński", "Vilnius District Municipality", "Rajongemeinde Vilnius"),
        "lat": "54.703900",
        "lng": "25.509700",
        "status": "informal_contacts",
        "areas": ["culture", "education"],
        "summary": T(
            "Miejscowość w rejonie wileńskim, z którą Izabelin utrzymuje nieformalne kontakty, bez podpisanej umowy.",
            "A place in the Vilnius district with which Izabelin keeps informal contacts, without a signed agreement.",
            "Ein Ort im Bezirk Vilnius, mit dem Izabelin informelle Kontakte pflegt, ohne unterzeichneten Vertrag.",
        ),
        "agreements": [],
    },
]

# Each partner town's page is also read in its own language (German ones already are).
PARTNER_OWN_LANGUAGES = {
    "leidschendam": "nl",
    "saint-germain-en-laye": "fr",
    "hranice": "cs",
    "krzemieniec": "uk",
    "pisogne": "it",
    "cesis": "lv",
    "nowa-wilejka": "lt",
    "meru": "fr",
    "mickuny": "lt",
}

# --- Member organisations, each in its network: Bolesławiec's leader, patron and ---
# --- signatories; the offices that publish for Konstancin-Jeziorna and Izabelin; ---
# --- the association of municipalities' members (the seed names none: examples) ---
JOINED = datetime.date(2013, 12, 10)

ORGANISATIONS = [
    {
        "slug": "urzad-miasta-boleslawiec",
        "network": "boleslawiec",
        "joined": JOINED,
        "title": "Urząd Miasta Bolesławiec",
        "kind": "local_government",
        "role": "honorary_patron",
        "translate": True,
        "summary": T(
            "Prezydent Miasta Bolesławiec objął partnerstwo honorowym patronatem.",
            "The Mayor of Bolesławiec is the partnership's honorary patron.",
            "Der Oberbürgermeister von Bolesławiec ist Schirmherr der Partnerschaft.",
        ),
    },
    {
        "slug": "mops-boleslawiec",
        "network": "boleslawiec",
        "joined": JOINED,
        "title": "Miejski Ośrodek Pomocy Społecznej w Bolesławcu",
        "kind": "public_institution",
        "role": "leader",
        "translate": True,
        "summary": T(
            "Lider partnerstwa: koordynuje spotkania, prowadzi sekretariat i wspólne wnioski grantowe.",
            "The partnership's leader: it coordinates meetings, runs the secretariat and the joint grant applications.",
            "Leiter der Partnerschaft: koordiniert die Treffen, führt das Sekretariat und die gemeinsamen Förderanträge.",
        ),
    },
    {
        "slug": "stowarzyszenie-razem",
        "network": "boleslawiec",
        "joined": JOINED,
        "title": "Stowarzyszenie Przeciw Przemocy „Razem”",
        "kind": "ngo",
        "role": "signatory",
        "summary": "Pomaga osobom doświadczającym przemocy i prowadzi działania profilaktyczne.",
    },
    {
        "slug": "skf-top",
        "network": "boleslawiec",
        "joined": JOINED,
        "title": "Stowarzyszenie Kultury Fizycznej TOP",
        "kind": "ngo",
        "role": "signatory",
        "summary": "Organizuje zajęcia i rozgrywki sportowe dla dzieci, młodzieży i dorosłych.",
    },
    {
        "slug": "mosir-boleslawiec",
        "network": "boleslawiec",
        "joined": JOINED,
        "title": "Miejski Ośrodek Sportu i Rekreacji",
        "kind": "public_institution",
        "role": "signatory",
        "summary": "Udostępnia obiekty sportowe i współorganizuje miejskie imprezy rekreacyjne.",
    },
    {
        "slug": "parafia-mbnp",
        "network": "boleslawiec",
        "joined": JOINED,
        "title": "Parafia Matki Bożej Nieustającej Pomocy",
        "kind": "parish",
        "role": "signatory",
        "summary": "Wspiera rodziny i osoby samotne, prowadzi zajęcia dla dzieci.",
    },
    {
        "slug": "pck-boleslawiec",
        "network": "boleslawiec",
        "joined": JOINED,
        "title": "Polski Czerwony Krzyż",
        "kind": "ngo",
        "role": "signatory",
        "summary": "Honorowe krwiodawstwo, szkolenia z pierwszej pomocy i pomoc doraźna.",
    },
    {
        "slug": "lokalny-przedsiebiorca",
        "network": "boleslawiec",
        "joined": JOINED,
        "title": "Lokalny przedsiębiorca",
        "kind": "business",
        "role": "signatory",
        "summary": "Osoba prowadząca firmę w Bolesławcu, która użycza sprzętu i przyjmuje stażystów.",
    },
    {
        "slug": "commando-62",
        "network": "boleslawiec",
        "joined": JOINED,
        "title": "Stowarzyszenie Byłych Żołnierzy 62 KS „Commando”",
        "kind": "ngo",
        "role": "signatory",
        "summary": "Byli żołnierze, którzy uczą historii regionu i wspierają wychowanie patriotyczne.",
    },
    {
        "slug": "caritas-boleslawiec",
        "network": "boleslawiec",
        "joined": JOINED,
        "title": "Caritas przy Parafii Wniebowzięcia NMP i św. Mikołaja",
        "kind": "parish",
        "role": "signatory",
        "summary": "Pomoc żywnościowa, paczki świąteczne i wsparcie osób w kryzysie.",
    },
    {
        "slug": "gmina-konstancin-jeziorna",
        "network": "konstancin",
        "title": KJ,
        "kind": "local_government",
        "role": "leader",
        "translate": True,
        "summary": T(
            "Gmina utrzymuje partnerstwa z ośmioma miastami w Europie i prowadzi wymiany z nimi.",
            "The municipality has partnerships with eight towns in Europe and runs exchanges with them.",
            "Die Gemeinde unterhält Partnerschaften mit acht Städten in Europa und organisiert Austausche mit ihnen.",
        ),
    },
    {
        "slug": "ispmig",
        "network": "izabelin",
        "title": "Izabelińskie Stowarzyszenie Partnerstwa Miast i Gmin",
        "kind": "ngo",
        "role": "leader",
        "translate": True,
        "summary": T(
            "Stowarzyszenie działa od stycznia 2012 roku i rozwija kontakty mieszkańców Izabelina z Borken, Méru i Mickunami.",
            "Active since January 2012, the association builds contacts between Izabelin's residents and Borken, Méru and Mickūnai.",
            "Der Verein besteht seit Januar 2012 und pflegt die Kontakte der Einwohner Izabelins mit Borken, Méru und Mickūnai.",
        ),
    },
    # The association of municipalities (seed 002) names no member: three examples, marked as such.
    *(
        {
            "slug": f"gmina-przykladowa-{letter.lower()}",
            "network": "gminy",
            "title": T(
                f"Gmina {letter} (przykład)", f"Municipality {letter} (example)", f"Gemeinde {letter} (Beispiel)"
            ),
            "kind": "local_government",
            "role": "member",
            "translate": True,
            "summary": T(
                "Przykładowa gmina członkowska: stowarzyszenie publikuje tu listę swoich członków.",
                "An example member municipality: the association lists its members here.",
                "Eine Beispiel-Mitgliedsgemeinde: Der Verein führt hier seine Mitglieder auf.",
            ),
        }
        for letter in "ABC"
    ),
]

# --- Initiatives ------------------------------------------------------------------
# Dates: a datetime.date for history, an int for days from today.
# Occurrences: (start offset or datetime, duration in hours, venue, description).
EFC = T("Europa dla Obywateli", "Europe for Citizens", "Europa für Bürgerinnen und Bürger")
CERV = T(
    "CERV – Obywatele, Równość, Prawa i Wartości",
    "CERV – Citizens, Equality, Rights and Values",
    "CERV – Bürgerinnen und Bürger, Gleichstellung, Rechte und Werte",
)

INITIATIVES = [
    {
        "org": "urzad-miasta-boleslawiec",
        "slug": "gala-aktywnych-z-pasja",
        "translate": True,
        "slugs": T("gala-aktywnych-z-pasja", "active-with-passion-gala", "gala-aktiv-mit-leidenschaft"),
        "title": T("Gala „Aktywni z pasją”", "“Active with passion” gala", "Gala „Aktiv mit Leidenschaft“"),
        "summary": T(
            "Coroczne święto partnerstwa w rocznicę podpisania porozumienia: podziękowania dla wolontariuszy i prezentacja działań.",
            "The partnership's yearly celebration on the anniversary of its agreement: thanks to volunteers and a showcase of activities.",
            "Das jährliche Fest der Partnerschaft am Jahrestag der Vereinbarung: Dank an die Ehrenamtlichen und eine Präsentation der Aktivitäten.",
        ),
        "status": "ongoing",
        "start": datetime.date(2014, 12, 10),
        "end": None,
        "place": "Pałac Ślubów, Bolesławiec",
        "areas": ["volunteering", "culture"],
        "tags": ["gala", "wolontariat"],
        "partners": [],
        "occurrences": [
            (-345, 3, "Pałac Ślubów", "Gala z okazji rocznicy porozumienia"),
            (18, 3, "Pałac Ślubów", "Gala z okazji rocznicy porozumienia"),
        ],
    },
    {
        "org": "urzad-miasta-boleslawiec",
        "slug": "spotkania-sieci",
        "title": "Spotkania sieci partnerskiej",
        "summary": "Kwartalne spotkania wszystkich członków: plan wspólnych działań i wymiana informacji.",
        "status": "ongoing",
        "start": datetime.date(2014, 3, 1),
        "end": None,
        "place": "Urząd Miasta Bolesławiec",
        "areas": ["local-government"],
        "tags": ["spotkanie"],
        "partners": [],
        "occurrences": [
            (-40, 2, "Sala konferencyjna urzędu", "Spotkanie kwartalne"),
            (50, 2, "Sala konferencyjna urzędu", "Spotkanie kwartalne"),
        ],
    },
    {
        "org": "mops-boleslawiec",
        "slug": "akademia-aktywnego-mieszkanca",
        "translate": True,
        "slugs": T("akademia-aktywnego-mieszkanca", "active-resident-academy", "akademie-aktive-buerger"),
        "title": T("Akademia Aktywnego Mieszkańca", "Active Resident Academy", "Akademie für aktive Bürger"),
        "summary": T(
            "Cykl warsztatów, na których mieszkańcy uczą się planować i prowadzić własne inicjatywy sąsiedzkie.",
            "A series of workshops where residents learn to plan and run their own neighbourhood initiatives.",
            "Eine Workshopreihe, in der Bürgerinnen und Bürger lernen, eigene Nachbarschaftsinitiativen zu planen und durchzuführen.",
        ),
        "body": T(
            p(
                "Warsztaty prowadzą członkowie partnerstwa, każdy w swojej dziedzinie: od pisania wniosków po organizację wydarzeń."
            ),
            p(
                "The workshops are led by the partnership's members, each in their own field: from writing applications to organising events."
            ),
            p(
                "Die Workshops leiten Mitglieder der Partnerschaft, jeder auf seinem Gebiet: vom Schreiben von Anträgen bis zur Organisation von Veranstaltungen."
            ),
        ),
        "status": "ongoing",
        "start": -90,
        "end": 150,
        "place": "MOPS, Bolesławiec",
        "areas": ["social-inclusion", "volunteering", "education"],
        "tags": ["warsztaty", "aktywizacja"],
        "partners": [],
        "funding": (
            T("Fundusz Inicjatyw Obywatelskich", "Civic Initiatives Fund", "Fonds für Bürgerinitiativen"),
            "48000.00",
            "PLN",
        ),
        "occurrences": [
            (-60, 4, "Sala MOPS", "Warsztat: jak zaplanować inicjatywę"),
            (-20, 4, "Sala MOPS", "Warsztat: budżet i partnerzy"),
            (12, 4, "Sala MOPS", "Warsztat: promocja wydarzenia"),
        ],
    },
    {
        "org": "mops-boleslawiec",
        "slug": "mapa-zasobow",
        "title": "Mapa zasobów partnerstwa",
        "summary": "Spis sal, sprzętu i kompetencji, które członkowie mogą sobie nawzajem udostępnić.",
        "status": "completed",
        "start": datetime.date(2024, 3, 1),
        "end": datetime.date(2024, 10, 31),
        "place": "Bolesławiec",
        "areas": ["local-government", "social-inclusion"],
        "tags": ["zasoby"],
        "partners": [],
        "occurrences": [(datetime.datetime(2024, 10, 24, 16, 0), 2, "Sala MOPS", "Prezentacja mapy zasobów")],
    },
    {
        "org": "mops-boleslawiec",
        "slug": "wspolny-wniosek-2027",
        "title": "Wspólny wniosek grantowy na 2027 rok",
        "summary": "Członkowie przygotowują razem wniosek o dofinansowanie działań aktywizujących mieszkańców.",
        "status": "planned",
        "start": 40,
        "end": 100,
        "place": "Bolesławiec",
        "areas": ["social-inclusion", "local-government"],
        "tags": ["granty"],
        "partners": [],
        "occurrences": [(40, 3, "Sala MOPS", "Spotkanie otwierające prace nad wnioskiem")],
    },
    {
        "org": "stowarzyszenie-razem",
        "slug": "tydzien-przeciw-przemocy",
        "title": "Tydzień przeciw przemocy",
        "summary": "Spotkania w szkołach i dyżury specjalistów dla rodzin.",
        "status": "completed",
        "start": datetime.date(2025, 11, 17),
        "end": datetime.date(2025, 11, 23),
        "place": "Szkoły w Bolesławcu",
        "areas": ["social-inclusion", "education"],
        "tags": ["profilaktyka"],
        "partners": [],
        "occurrences": [(datetime.datetime(2025, 11, 18, 10, 0), 3, "Szkoła Podstawowa nr 1", "Zajęcia dla uczniów")],
    },
    {
        "org": "stowarzyszenie-razem",
        "slug": "punkt-wsparcia",
        "title": "Punkt wsparcia dla rodzin",
        "summary": "Bezpłatne konsultacje psychologiczne i prawne raz w tygodniu.",
        "status": "ongoing",
        "start": -200,
        "end": 165,
        "place": "Bolesławiec",
        "areas": ["social-inclusion", "health"],
        "tags": ["wsparcie"],
        "partners": [],
        "occurrences": [
            (-7, 3, "Siedziba stowarzyszenia", "Dyżur konsultacyjny"),
            (7, 3, "Siedziba stowarzyszenia", "Dyżur konsultacyjny"),
        ],
    },
    {
        "org": "skf-top",
        "slug": "liga-podworkowa",
        "title": "Bolesławiecka Liga Podwórkowa",
        "summary": "Rozgrywki piłkarskie dla dzieci z osiedli, prowadzone przez wolontariuszy.",
        "status": "ongoing",
        "start": -150,
        "end": 200,
        "place": "Boiska osiedlowe",
        "areas": ["sport", "volunteering"],
        "tags": ["piłka nożna", "dzieci"],
        "partners": [],
        "occurrences": [
            (-14, 3, "Orlik przy ul. Szkolnej", "Kolejka ligowa"),
            (21, 3, "Orlik przy ul. Szkolnej", "Kolejka ligowa"),
        ],
    },
    {
        "org": "skf-top",
        "slug": "zimowy-turniej",
        "title": "Zimowy turniej halowy",
        "summary": "Turniej dla drużyn młodzieżowych w hali sportowej.",
        "status": "planned",
        "start": 60,
        "end": 61,
        "place": "Hala MOSiR",
        "areas": ["sport"],
        "tags": ["turniej"],
        "partners": [],
        "occurrences": [(60, 8, "Hala MOSiR", "Turniej halowy")],
    },
    {
        "org": "mosir-boleslawiec",
        "slug": "bieg-aktywnych",
        "title": "Bieg „Aktywni z pasją”",
        "summary": "Rodzinny bieg i marsz nordic walking wokół miasta.",
        "status": "ongoing",
        "start": datetime.date(2015, 5, 1),
        "end": None,
        "place": "Stadion miejski",
        "areas": ["sport", "health"],
        "tags": ["bieg", "rodzina"],
        "partners": [],
        "occurrences": [
            (-190, 4, "Stadion miejski", "Edycja wiosenna"),
            (170, 4, "Stadion miejski", "Edycja wiosenna"),
        ],
    },
    {
        "org": "mosir-boleslawiec",
        "slug": "lodowisko-dla-seniorow",
        "title": "Lodowisko dla seniorów",
        "summary": "Bezpłatne godziny na lodowisku dla klubów seniora.",
        "status": "completed",
        "start": datetime.date(2025, 1, 8),
        "end": datetime.date(2025, 2, 26),
        "place": "Lodowisko miejskie",
        "areas": ["seniors", "sport"],
        "tags": ["seniorzy"],
        "partners": [],
        "occurrences": [(datetime.datetime(2025, 1, 15, 10, 0), 2, "Lodowisko miejskie", "Godziny dla seniorów")],
    },
    {
        "org": "parafia-mbnp",
        "slug": "wigilia-dla-samotnych",
        "title": "Wigilia dla osób samotnych",
        "summary": "Wspólna kolacja wigilijna dla osób, które spędzają święta same.",
        "status": "planned",
        "start": 30,
        "end": 30,
        "place": "Dom parafialny",
        "areas": ["charity", "seniors"],
        "tags": ["święta"],
        "partners": [],
        "occurrences": [(30, 3, "Dom parafialny", "Kolacja wigilijna")],
    },
    {
        "org": "parafia-mbnp",
        "slug": "polkolonie",
        "title": "Letnie półkolonie parafialne",
        "summary": "Dwa tygodnie zajęć dla dzieci w czasie wakacji.",
        "status": "completed",
        "start": datetime.date(2025, 7, 7),
        "end": datetime.date(2025, 7, 18),
        "place": "Dom parafialny",
        "areas": ["education", "volunteering"],
        "tags": ["dzieci", "wakacje"],
        "partners": [],
        "occurrences": [(datetime.datetime(2025, 7, 7, 9, 0), 6, "Dom parafialny", "Pierwszy dzień półkolonii")],
    },
    {
        "org": "pck-boleslawiec",
        "slug": "krwiodawstwo",
        "title": "Akcja honorowego krwiodawstwa",
        "summary": "Co kwartał ambulans do pobierania krwi staje przed urzędem miasta.",
        "status": "ongoing",
        "start": datetime.date(2016, 1, 1),
        "end": None,
        "place": "Plac przed urzędem miasta",
        "areas": ["health", "volunteering"],
        "tags": ["krew"],
        "partners": [],
        "occurrences": [(-80, 5, "Plac przed urzędem", "Zbiórka krwi"), (10, 5, "Plac przed urzędem", "Zbiórka krwi")],
    },
    {
        "org": "pck-boleslawiec",
        "slug": "pierwsza-pomoc-dla-mlodziezy",
        "title": "Kurs pierwszej pomocy dla młodzieży",
        "summary": "Szkolenie z pierwszej pomocy dla uczniów szkół średnich.",
        "status": "planned",
        "start": 75,
        "end": 76,
        "place": "Bolesławiec",
        "areas": ["health", "education"],
        "tags": ["pierwsza pomoc"],
        "partners": [],
        "occurrences": [(75, 5, "Szkoła średnia", "Zajęcia praktyczne")],
    },
    {
        "org": "lokalny-przedsiebiorca",
        "slug": "sprzet-na-wydarzenia",
        "title": "Sprzęt na wspólne wydarzenia",
        "summary": "Nagłośnienie, namioty i transport użyczane członkom partnerstwa na ich wydarzenia.",
        "status": "ongoing",
        "start": datetime.date(2014, 1, 1),
        "end": None,
        "place": "Bolesławiec",
        "areas": ["business", "volunteering"],
        "tags": ["zasoby"],
        "partners": [],
        "occurrences": [],
    },
    {
        "org": "lokalny-przedsiebiorca",
        "slug": "staze-dla-mlodziezy",
        "title": "Staże dla młodzieży",
        "summary": "Wakacyjne staże w lokalnej firmie dla uczniów szkół zawodowych.",
        "status": "planned",
        "start": 200,
        "end": 260,
        "place": "Bolesławiec",
        "areas": ["business", "education"],
        "tags": ["staże"],
        "partners": [],
        "occurrences": [(200, 2, "Siedziba firmy", "Spotkanie ze stażystami")],
    },
    {
        "org": "commando-62",
        "slug": "lekcje-historii",
        "title": "Lekcje historii z weteranami",
        "summary": "Byli żołnierze opowiadają uczniom o historii miasta i regionu.",
        "status": "ongoing",
        "start": -300,
        "end": 60,
        "place": "Szkoły w Bolesławcu",
        "areas": ["education"],
        "tags": ["historia"],
        "partners": [],
        "occurrences": [
            (-30, 2, "Szkoła Podstawowa nr 3", "Lekcja historii"),
            (25, 2, "Liceum Ogólnokształcące", "Lekcja historii"),
        ],
    },
    {
        "org": "commando-62",
        "slug": "rajd-pamieci",
        "title": "Rajd pamięci",
        "summary": "Rajd rowerowy szlakiem miejsc pamięci w okolicy Bolesławca.",
        "status": "completed",
        "start": datetime.date(2025, 9, 13),
        "end": datetime.date(2025, 9, 13),
        "place": "Okolice Bolesławca",
        "areas": ["sport", "tourism"],
        "tags": ["rower", "historia"],
        "partners": [],
        "occurrences": [(datetime.datetime(2025, 9, 13, 9, 0), 6, "Start: rynek", "Rajd rowerowy")],
    },
    {
        "org": "caritas-boleslawiec",
        "slug": "paczka-na-swieta",
        "title": "Paczka na święta",
        "summary": "Zbiórka żywności i prezentów dla rodzin w trudnej sytuacji.",
        "status": "planned",
        "start": 5,
        "end": 28,
        "place": "Bolesławiec",
        "areas": ["charity", "volunteering"],
        "tags": ["zbiórka", "święta"],
        "partners": [],
        "occurrences": [
            (14, 6, "Sklepy w centrum", "Zbiórka w sklepach"),
            (27, 4, "Kościół Wniebowzięcia NMP", "Wydawanie paczek"),
        ],
    },
    {
        "org": "caritas-boleslawiec",
        "slug": "bank-zywnosci",
        "title": "Parafialny bank żywności",
        "summary": "Co tydzień wydawanie żywności osobom skierowanym przez MOPS.",
        "status": "ongoing",
        "start": datetime.date(2018, 2, 1),
        "end": None,
        "place": "Dom parafialny",
        "areas": ["charity", "social-inclusion"],
        "tags": ["żywność"],
        "partners": [],
        "occurrences": [
            (-3, 2, "Dom parafialny", "Wydawanie żywności"),
            (4, 2, "Dom parafialny", "Wydawanie żywności"),
        ],
    },
    {
        "org": "gmina-konstancin-jeziorna",
        "slug": "wymiana-z-denzlingen",
        "translate": True,
        "slugs": T("wymiana-z-denzlingen", "exchange-with-denzlingen", "austausch-mit-denzlingen"),
        "title": T(
            "Wymiana młodzieży z Denzlingen", "Youth exchange with Denzlingen", "Jugendaustausch mit Denzlingen"
        ),
        "summary": T(
            "Uczniowie z Konstancina-Jeziorny i Denzlingen odwiedzają się nawzajem i pracują nad wspólnym projektem o swoich miastach.",
            "Pupils from Konstancin-Jeziorna and Denzlingen visit each other and work on a joint project about their towns.",
            "Schülerinnen und Schüler aus Konstancin-Jeziorna und Denzlingen besuchen sich gegenseitig und arbeiten an einem gemeinsamen Projekt über ihre Städte.",
        ),
        "body": T(
            p(
                "Każda wymiana ma dwie części: wizytę w Polsce i rewizytę w Niemczech. Uczniowie mieszkają u rodzin goszczących."
            ),
            p(
                "Each exchange has two parts: a visit to Poland and a return visit to Germany. Pupils stay with host families."
            ),
            p(
                "Jeder Austausch besteht aus zwei Teilen: einem Besuch in Polen und einem Gegenbesuch in Deutschland. Die Jugendlichen wohnen in Gastfamilien."
            ),
        ),
        "status": "ongoing",
        "start": -120,
        "end": 180,
        "place": T(
            "Konstancin-Jeziorna i Denzlingen",
            "Konstancin-Jeziorna and Denzlingen",
            "Konstancin-Jeziorna und Denzlingen",
        ),
        "areas": ["youth-exchange", "education"],
        "tags": ["wymiana", "szkoła"],
        "partners": ["denzlingen"],
        "funding": (CERV, "18500.00", "EUR"),
        "occurrences": [
            (-100, 72, "Konstancin-Jeziorna", "Wizyta uczniów z Denzlingen"),
            (35, 96, "Denzlingen", "Rewizyta w Denzlingen"),
        ],
        "gallery": 2,
    },
    {
        "org": "gmina-konstancin-jeziorna",
        "slug": "festiwal-miast-partnerskich-2019",
        "translate": True,
        "slugs": T("festiwal-miast-partnerskich-2019", "partner-towns-festival-2019", "fest-der-partnerstaedte-2019"),
        "title": T("Festiwal miast partnerskich 2019", "Partner towns festival 2019", "Fest der Partnerstädte 2019"),
        "summary": T(
            "Delegacje wszystkich miast partnerskich spotkały się w Konstancinie-Jeziornie na koncertach, wystawach i debacie o przyszłości Europy.",
            "Delegations from all the partner towns met in Konstancin-Jeziorna for concerts, exhibitions and a debate on the future of Europe.",
            "Delegationen aller Partnerstädte trafen sich in Konstancin-Jeziorna zu Konzerten, Ausstellungen und einer Debatte über die Zukunft Europas.",
        ),
        "status": "completed",
        "start": datetime.date(2019, 6, 7),
        "end": datetime.date(2019, 6, 9),
        "place": "Konstancin-Jeziorna",
        "areas": ["culture", "local-government", "youth-exchange"],
        "tags": ["festiwal", "Europa"],
        "partners": [
            "leidschendam",
            "saint-germain-en-laye",
            "hranice",
            "krzemieniec",
            "pisogne",
            "cesis",
            "nowa-wilejka",
            "denzlingen",
        ],
        "funding": (EFC, "25000.00", "EUR"),
        "documents": ["festival-report"],
        "occurrences": [
            (datetime.datetime(2019, 6, 7, 17, 0), 5, "Park Zdrojowy", "Koncert otwarcia"),
            (datetime.datetime(2019, 6, 8, 10, 0), 4, "Hugonówka", "Debata o przyszłości Europy"),
        ],
    },
    {
        "org": "gmina-konstancin-jeziorna",
        "slug": "wymiana-szkolna-saint-germain",
        "title": "Wymiana szkolna z Saint-Germain-en-Laye",
        "summary": "Wiosenna wizyta uczniów z Francji w konstancińskich szkołach.",
        "status": "planned",
        "start": 140,
        "end": 147,
        "place": "Konstancin-Jeziorna",
        "areas": ["education", "youth-exchange"],
        "tags": ["wymiana", "szkoła"],
        "partners": ["saint-germain-en-laye"],
        "occurrences": [(140, 48, "Szkoły w Konstancinie-Jeziornie", "Wizyta uczniów z Francji")],
    },
    {
        "org": "ispmig",
        "slug": "dni-borken",
        "translate": True,
        "slugs": T("dni-borken", "borken-days", "borkener-tage"),
        "title": T("Dni Borken w Izabelinie", "Borken Days in Izabelin", "Borkener Tage in Izabelin"),
        "summary": T(
            "Mieszkańcy Borken odwiedzili Izabelin: mecz klubów sportowych, wspólna wystawa i spotkanie młodzieży.",
            "Residents of Borken visited Izabelin: a match between sports clubs, a joint exhibition and a youth meeting.",
            "Einwohner aus Borken besuchten Izabelin: ein Spiel der Sportvereine, eine gemeinsame Ausstellung und ein Jugendtreffen.",
        ),
        "status": "completed",
        "start": datetime.date(2025, 5, 16),
        "end": datetime.date(2025, 5, 18),
        "place": "Izabelin",
        "areas": ["sport", "culture", "youth-exchange"],
        "tags": ["wizyta", "sport"],
        "partners": ["borken"],
        "occurrences": [(datetime.datetime(2025, 5, 17, 11, 0), 3, "Boisko gminne", "Mecz przyjaźni")],
        "gallery": 1,
    },
    {
        "org": "ispmig",
        "slug": "wystawa-artystow-z-meru",
        "title": "Wystawa artystów z Méru",
        "summary": "Prace malarzy z Méru pokazane w izabelińskim domu kultury.",
        "status": "planned",
        "start": 90,
        "end": 120,
        "place": "Dom kultury, Izabelin",
        "areas": ["culture"],
        "tags": ["wystawa", "sztuka"],
        "partners": ["meru"],
        "occurrences": [(90, 3, "Dom kultury", "Wernisaż")],
    },
    {
        "org": "gmina-przykladowa-a",
        "slug": "wspolny-szlak-rowerowy",
        "translate": True,
        "slugs": T("wspolny-szlak-rowerowy", "joint-cycle-route", "gemeinsamer-radweg"),
        "title": T("Wspólny szlak rowerowy gmin", "A joint cycle route", "Ein gemeinsamer Radweg"),
        "summary": T(
            "Gminy członkowskie łączą swoje drogi rowerowe w jeden szlak: projekt ze strategii terytorialnej, w dziedzinie turystyki i rekreacji.",
            "The member municipalities join up their cycle paths into one route: a project of the territorial strategy, in tourism and recreation.",
            "Die Mitgliedsgemeinden verbinden ihre Radwege zu einer Route: ein Projekt der territorialen Strategie im Bereich Tourismus und Erholung.",
        ),
        "status": "planned",
        "start": 60,
        "end": 400,
        "place": T("Gminy członkowskie", "The member municipalities", "Die Mitgliedsgemeinden"),
        "areas": ["tourism", "environment"],
        "tags": ["strategia", "turystyka"],
        "partners": [],
        "occurrences": [
            (
                60,
                2,
                T("Sala konferencyjna", "Conference room", "Konferenzsaal"),
                T("Otwarcie konsultacji", "Consultations open", "Beginn der Konsultationen"),
            )
        ],
    },
]


# --- News -------------------------------------------------------------------------
NEWS = [
    {
        "org": "mops-boleslawiec",
        "slug": "rok-w-partnerstwie",
        "translate": True,
        "slugs": T("rok-w-partnerstwie", "a-year-in-the-partnership", "ein-jahr-partnerschaft"),
        "date": -6,
        "title": T(
            "Rok w partnerstwie: podsumowanie",
            "A year in the partnership: a summary",
            "Ein Jahr Partnerschaft: eine Bilanz",
        ),
        "intro": T(
            "Dwanaście organizacji, ponad czterdzieści wydarzeń i setki wolontariuszy — tak wyglądał miniony rok.",
            "Twelve organisations, more than forty events and hundreds of volunteers — that was the past year.",
            "Zwölf Organisationen, mehr als vierzig Veranstaltungen und Hunderte Ehrenamtliche — so sah das vergangene Jahr aus.",
        ),
        "body": T(
            p(
                "Najwięcej osób przyciągnęły bieg rodzinny i zbiórki krwi. W przyszłym roku członkowie chcą wspólnie złożyć wniosek grantowy."
            ),
            p(
                "The family run and the blood drives drew the most people. Next year the members want to submit a joint grant application."
            ),
            p(
                "Am meisten Menschen kamen zum Familienlauf und zu den Blutspendeaktionen. Im nächsten Jahr wollen die Mitglieder gemeinsam einen Förderantrag stellen."
            ),
        ),
        "areas": ["volunteering", "social-inclusion"],
        "tags": ["podsumowanie"],
        "initiative": "akademia-aktywnego-mieszkanca",
    },
    {
        "org": "gmina-konstancin-jeziorna",
        "slug": "mlodziez-z-denzlingen",
        "translate": True,
        "slugs": T("mlodziez-z-denzlingen", "young-people-from-denzlingen", "jugendliche-aus-denzlingen"),
        "date": -15,
        "title": T(
            "Młodzież z Denzlingen zaprasza na rewizytę",
            "Young people from Denzlingen invite us back",
            "Jugendliche aus Denzlingen laden zum Gegenbesuch ein",
        ),
        "intro": T(
            "Po udanej wizycie w Konstancinie-Jeziornie uczniowie z Denzlingen zapraszają swoich polskich kolegów do siebie.",
            "After a successful visit to Konstancin-Jeziorna, pupils from Denzlingen are inviting their Polish friends to visit them.",
            "Nach einem gelungenen Besuch in Konstancin-Jeziorna laden die Denzlinger Schüler ihre polnischen Freunde zu sich ein.",
        ),
        "areas": ["youth-exchange"],
        "tags": ["wymiana"],
        "initiative": "wymiana-z-denzlingen",
    },
    {
        "org": "ispmig",
        "slug": "delegacja-z-borken",
        "translate": True,
        "slugs": T("delegacja-z-borken", "delegation-from-borken", "delegation-aus-borken"),
        "date": -40,
        "title": T(
            "Delegacja z Borken w Izabelinie",
            "A delegation from Borken in Izabelin",
            "Eine Delegation aus Borken in Izabelin",
        ),
        "intro": T(
            "Stowarzyszenie gościło przedstawicieli Borken; rozmawiano o wymianie klubów sportowych w przyszłym roku.",
            "The association hosted representatives of Borken; the talks were about an exchange of sports clubs next year.",
            "Der Verein empfing Vertreter aus Borken; es ging um einen Austausch der Sportvereine im nächsten Jahr.",
        ),
        "areas": ["sport", "culture"],
        "tags": ["wizyta"],
        "initiative": "dni-borken",
    },
    {
        "org": "pck-boleslawiec",
        "slug": "rekordowa-zbiorka-krwi",
        "date": -80,
        "title": "Rekordowa zbiórka krwi",
        "intro": "Podczas ostatniej akcji krew oddało ponad sześćdziesiąt osób.",
        "areas": ["health"],
        "tags": ["krew"],
        "initiative": "krwiodawstwo",
    },
    {
        "org": "mosir-boleslawiec",
        "slug": "zapisy-na-bieg",
        "date": -2,
        "title": "Ruszyły zapisy na wiosenny bieg",
        "intro": "Na bieg rodzinny można się już zapisać w kasie ośrodka i przez formularz.",
        "areas": ["sport"],
        "tags": ["bieg"],
        "initiative": "bieg-aktywnych",
    },
    {
        "org": "caritas-boleslawiec",
        "slug": "zbiorka-darow",
        "date": -1,
        "title": "Zaczynamy świąteczną zbiórkę",
        "intro": "Wolontariusze Caritas będą zbierać żywność w sklepach w centrum miasta.",
        "areas": ["charity"],
        "tags": ["zbiórka"],
        "initiative": "paczka-na-swieta",
    },
    {
        "org": "urzad-miasta-boleslawiec",
        "slug": "rocznica-porozumienia",
        "date": -350,
        "title": "Kolejna rocznica porozumienia",
        "intro": "Członkowie partnerstwa świętowali rocznicę podpisania porozumienia z 2013 roku.",
        "areas": ["volunteering"],
        "tags": ["rocznica"],
        "initiative": "gala-aktywnych-z-pasja",
    },
    {
        "org": "commando-62",
        "slug": "weterani-w-szkole",
        "date": -30,
        "title": "Weterani na lekcji historii",
        "intro": "Uczniowie szkoły podstawowej słuchali opowieści o historii regionu.",
        "areas": ["education"],
        "tags": ["historia"],
        "initiative": "lekcje-historii",
    },
]

# --- Documents --------------------------------------------------------------------
DOCUMENTS = {
    "agreement-2013": {
        "title": "Porozumienie o współpracy partnerstwa „Aktywni z pasją” (2013)",
        "kind": "pdf",
        "lines": [
            "Streszczenie porozumienia (dokument demonstracyjny).",
            "Data i miejsce: 10 grudnia 2013 r., Pałac Ślubów w Bolesławcu.",
            "Lider: Miejski Ośrodek Pomocy Społecznej w Bolesławcu. Patronat honorowy: Prezydent Miasta Bolesławiec.",
            "Cel: pobudzenie mieszkańców do działania i wspólne inicjatywy lokalne.",
            "Środki: wymiana wiedzy, udostępnianie lokali i sprzętu, wspólne wnioski o dofinansowanie.",
            "Partnerstwo jest otwarte dla każdego, kto chce działać zgodnie z jego celami.",
        ],
    },
    "agreement-denzlingen": {
        "title": "Umowa partnerska Konstancin-Jeziorna – Denzlingen (2011)",
        "kind": "txt",
        "lines": [
            "Streszczenie umowy (dokument demonstracyjny).",
            "Podpisana 19 czerwca 2011 r. przez burmistrzów obu gmin, po liście intencyjnym z 2008 r.",
            "Zakres: wymiany uczniów, projekty edukacyjne, wymiana doświadczeń administracji i usług społecznych, kultura.",
        ],
    },
    "festival-report": {
        "title": "Sprawozdanie z Festiwalu miast partnerskich 2019",
        "kind": "pdf",
        "lines": [
            "Sprawozdanie demonstracyjne.",
            "Uczestnicy: delegacje ośmiu miast partnerskich Konstancina-Jeziorny.",
            "Program: koncert otwarcia, wystawy, debata o przyszłości Europy.",
            "Dofinansowanie: program Europa dla Obywateli.",
        ],
    },
}

# --- Accounts ---------------------------------------------------------------------
# Role: a platform group, or ("network", key) for one network's moderators only.
STAFF_ACCOUNTS = [
    ("admin", "Anna", "Administratorka", None),
    ("moderator", "Marek", "Moderator", "Moderators"),
    ("translator", "Tina", "Tłumaczka", "Translators"),
    ("moderator-boleslawiec", "Beata", "Bolesławiecka", ("network", "boleslawiec")),
    ("moderator-konstancin", "Konrad", "Konstanciński", ("network", "konstancin")),
    ("moderator-izabelin", "Iza", "Izabelińska", ("network", "izabelin")),
    ("moderator-gminy", "Grzegorz", "Gminny", ("network", "gminy")),
    ("moderator-portal", "Paweł", "Portalowy", ("network", "portal")),
]
