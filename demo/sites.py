"""The demo's five networks, one per seed document, each on its own host.

Each network is what its seed describes and nothing more: Bolesławiec's
local partnership (001) has members and no partner towns; Konstancin-
Jeziorna (003) and Izabelin's association (000) have partner towns; the
association of municipalities (002) has statutory aims and members; the
twinning portal (004) has the partnership directory. What a seed does not
say is left out, or shown as an example (``EXAMPLE``).

A network's ``pages`` are StandardPages in menu order, its ``sections`` the
index pages ``networks.services.SECTIONS_BY_KIND`` gives its kind (plus
members where it publishes through organisations), titled here.
"""

from .translation import T


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ol(*items):
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


# The mark for what no seed says: shown with invented names, dates and initiatives.
EXAMPLE = T("Przykład", "Example", "Beispiel")

BOLESLAWIEC = "boleslawiec"
KONSTANCIN = "konstancin"
IZABELIN = "izabelin"
GMINY = "gminy"
PORTAL = "portal"


def _section(title, slug, introduction):
    return {"title": title, "slug": slug, "introduction": introduction}


INITIATIVES_SECTION = _section(
    T("Inicjatywy", "Initiatives", "Initiativen"),
    T("inicjatywy", "initiatives", "initiativen"),
    T(
        p("Projekty, wymiany i wydarzenia — zakończone, trwające i planowane."),
        p("Projects, exchanges and events — completed, ongoing and planned."),
        p("Projekte, Austausche und Veranstaltungen — abgeschlossen, laufend und geplant."),
    ),
)
NEWS_SECTION = _section(
    T("Aktualności", "News", "Aktuelles"),
    T("aktualnosci", "news", "aktuelles"),
    T(p("Co słychać w naszej sieci."), p("What is happening in our network."), p("Neuigkeiten aus unserem Netz.")),
)
PARTNERS_SECTION = _section(
    T("Miasta partnerskie", "Partner towns", "Partnerstädte"),
    T("miasta-partnerskie", "partner-towns", "partnerstaedte"),
    T(
        p("Miasta w Europie, z którymi współpracujemy: umowy, daty i obszary współpracy."),
        p("The towns in Europe we work with: agreements, dates and areas of cooperation."),
        p("Die Städte in Europa, mit denen wir zusammenarbeiten: Vereinbarungen, Daten und Bereiche."),
    ),
)

NETWORKS = [
    # --- 001: Bolesławiec's local partnership, the default site ---------------------
    {
        "key": BOLESLAWIEC,
        "default": True,
        "host": "127.0.0.1:8000",
        "kind": "local-partnership",
        "name": T(
            "Aktywni z pasją — partnerstwo lokalne w Bolesławcu",
            "Active with passion — a local partnership in Bolesławiec",
            "Aktiv mit Leidenschaft — lokale Partnerschaft in Bolesławiec",
        ),
        "email": "kontakt@partnerhub.example",
        "phone": "+48 75 000 00 00",
        "address": T(
            "Bolesławiec, województwo dolnośląskie\nPolska",
            "Bolesławiec, Lower Silesian Voivodeship\nPoland",
            "Bolesławiec, Woiwodschaft Niederschlesien\nPolen",
        ),
        "contact_text": T(
            "Biuro partnerstwa jest czynne od poniedziałku do piątku w godz. 8–16.",
            "The partnership office is open Monday to Friday, 8 am to 4 pm.",
            "Das Partnerschaftsbüro ist montags bis freitags von 8 bis 16 Uhr geöffnet.",
        ),
        "home": {
            "title": T("Aktywni z pasją", "Active with passion", "Aktiv mit Leidenschaft"),
            "slug": T("strona-glowna", "home", "startseite"),
            "hero_title": T(
                "Aktywni razem — w Bolesławcu",
                "Active together — in Bolesławiec",
                "Gemeinsam aktiv — in Bolesławiec",
            ),
            "hero_text": T(
                "Instytucje, stowarzyszenia, parafie i przedsiębiorca działają wspólnie dla mieszkańców miasta.",
                "Institutions, associations, parishes and an entrepreneur work together for the town's residents.",
                "Einrichtungen, Vereine, Pfarreien und ein Unternehmer arbeiten gemeinsam für die Einwohner der Stadt.",
            ),
            "introduction": T(
                p(
                    "„Aktywni z pasją” to partnerstwo lokalne z Bolesławca. Łączy miejskie instytucje, organizacje pozarządowe, parafie i przedsiębiorcę pod przewodnictwem Miejskiego Ośrodka Pomocy Społecznej.",
                    "Znajdziesz tu członków partnerstwa, ich inicjatywy, kalendarz wydarzeń i formularz przystąpienia.",
                ),
                p(
                    "“Active with passion” is a local partnership in Bolesławiec. It brings together municipal institutions, NGOs, parishes and an entrepreneur, led by the municipal social welfare centre.",
                    "Here you will find the partnership's members, their initiatives, a calendar of events and the form to join.",
                ),
                p(
                    "„Aktiv mit Leidenschaft“ ist eine lokale Partnerschaft in Bolesławiec. Sie verbindet städtische Einrichtungen, Vereine, Pfarreien und einen Unternehmer unter der Leitung des städtischen Sozialhilfezentrums.",
                    "Hier finden Sie die Mitglieder der Partnerschaft, ihre Initiativen, einen Veranstaltungskalender und das Beitrittsformular.",
                ),
            ),
        },
        "sections": {
            "organisations": _section(
                T("Członkowie partnerstwa", "Members", "Mitglieder"),
                T("czlonkowie", "members", "mitglieder"),
                T(
                    p("Lider, patron honorowy i sygnatariusze porozumienia z 10 grudnia 2013 roku."),
                    p("The leader, the honorary patron and the signatories of the agreement of 10 December 2013."),
                    p("Der Leiter, der Schirmherr und die Unterzeichner der Vereinbarung vom 10. Dezember 2013."),
                ),
            ),
            "initiatives": INITIATIVES_SECTION,
            "news": NEWS_SECTION,
        },
        "pages": [
            {
                "key": "about",
                "title": T("O partnerstwie", "About the partnership", "Über die Partnerschaft"),
                "slug": T("o-partnerstwie", "about", "ueber-uns"),
                "introduction": T(
                    "Partnerstwo zrzesza ludzi i instytucje, które chcą razem działać na rzecz Bolesławca.",
                    "The partnership brings together people and institutions who want to work together for Bolesławiec.",
                    "Die Partnerschaft vereint Menschen und Einrichtungen, die gemeinsam für Bolesławiec wirken wollen.",
                ),
                "body": [
                    (
                        "heading",
                        T("Jak powstało partnerstwo", "How the partnership began", "Wie die Partnerschaft entstand"),
                    ),
                    (
                        "paragraph",
                        T(
                            p(
                                "Porozumienie o współpracy partnerstwa „Aktywni z pasją” podpisano uroczyście 10 grudnia 2013 roku w Pałacu Ślubów w Bolesławcu. Honorowy patronat objął prezydent miasta, a rolę lidera pełni Miejski Ośrodek Pomocy Społecznej."
                            ),
                            p(
                                "The cooperation agreement of the “Active with passion” partnership was signed at a ceremony on 10 December 2013 in the Bolesławiec wedding palace. The town's mayor became its honorary patron and the municipal social welfare centre leads it."
                            ),
                            p(
                                "Die Kooperationsvereinbarung der Partnerschaft „Aktiv mit Leidenschaft“ wurde am 10. Dezember 2013 feierlich im Hochzeitspalast von Bolesławiec unterzeichnet. Der Oberbürgermeister übernahm die Schirmherrschaft, das städtische Sozialhilfezentrum leitet sie."
                            ),
                        ),
                    ),
                    (
                        "image",
                        "about",
                        T(
                            "Członkowie partnerstwa podczas spotkania",
                            "Members of the partnership at a meeting",
                            "Mitglieder der Partnerschaft bei einem Treffen",
                        ),
                        T(
                            "Spotkanie członków partnerstwa",
                            "A meeting of the partnership's members",
                            "Ein Treffen der Mitglieder",
                        ),
                    ),
                    (
                        "paragraph",
                        T(
                            p(
                                "Porozumienie podpisali: stowarzyszenie przeciwdziałające przemocy, stowarzyszenie kultury fizycznej, Miejski Ośrodek Sportu i Rekreacji, parafia, Polski Czerwony Krzyż, przedsiębiorca, stowarzyszenie kombatantów i parafialny oddział Caritas. Każdy wnosi to, co ma: wiedzę, salę, sprzęt albo czas wolontariuszy."
                            ),
                            p(
                                "The agreement was signed by an anti-violence association, a physical-culture association, the municipal sports and recreation centre, a parish, the Polish Red Cross, an entrepreneur, a veterans' association and a parish Caritas branch. Each contributes what it has: knowledge, a room, equipment or volunteers' time."
                            ),
                            p(
                                "Unterzeichnet haben ein Verein gegen Gewalt, ein Sportverein, das städtische Sport- und Erholungszentrum, eine Pfarrei, das Polnische Rote Kreuz, ein Unternehmer, ein Veteranenverein und eine Caritas-Gruppe einer Pfarrei. Jeder bringt ein, was er hat: Wissen, einen Raum, Ausrüstung oder die Zeit von Ehrenamtlichen."
                            ),
                        ),
                    ),
                    (
                        "paragraph",
                        T(
                            p(
                                "Partnerstwo jest ciałem społecznym opartym na dobrowolnej pracy. Może do niego dołączyć każdy, kto chce działać zgodnie z jego celami."
                            ),
                            p(
                                "The partnership is a civic body based on voluntary work. Anyone willing to act in line with its goals may join."
                            ),
                            p(
                                "Die Partnerschaft ist ein zivilgesellschaftliches Gremium, das auf freiwilliger Arbeit beruht. Wer im Sinne ihrer Ziele handeln möchte, kann beitreten."
                            ),
                        ),
                    ),
                    (
                        "documents",
                        T("Dokumenty partnerstwa", "Partnership documents", "Dokumente der Partnerschaft"),
                        ["agreement-2013"],
                    ),
                ],
            },
            {
                "key": "goals",
                "title": T("Cele partnerstwa", "The partnership's goals", "Ziele der Partnerschaft"),
                "slug": T("cele-partnerstwa", "goals", "ziele"),
                "introduction": T(
                    "Cele, które członkowie przyjęli, podpisując porozumienie.",
                    "The goals the members adopted when they signed the agreement.",
                    "Die Ziele, die sich die Mitglieder mit der Unterzeichnung der Vereinbarung gesetzt haben.",
                ),
                "body": [
                    ("heading", T("Nasze cele", "Our goals", "Unsere Ziele")),
                    (
                        "paragraph",
                        T(
                            ol(
                                "Pobudzać mieszkańców do działania, twórczo wykorzystując potencjał ludzi i zasobów.",
                                "Wspierać lokalne inicjatywy społeczne i obywatelskie.",
                                "Dzielić się zasobami członków: wiedzą, lokalami i sprzętem.",
                                "Wspólnie ubiegać się o środki na projekty.",
                            ),
                            ol(
                                "Encourage residents to take action, making creative use of people's potential and resources.",
                                "Support local social and civic initiatives.",
                                "Share the members' resources: knowledge, premises and equipment.",
                                "Apply jointly for project funding.",
                            ),
                            ol(
                                "Die Bürgerinnen und Bürger zum Handeln ermutigen und das Potenzial von Menschen und Ressourcen kreativ nutzen.",
                                "Lokale soziale und bürgerschaftliche Initiativen unterstützen.",
                                "Die Ressourcen der Mitglieder teilen: Wissen, Räume und Ausrüstung.",
                                "Gemeinsam Fördermittel für Projekte beantragen.",
                            ),
                        ),
                    ),
                ],
            },
            {
                "key": "contact",
                "title": T("Kontakt", "Contact", "Kontakt"),
                "slug": T("kontakt", "contact", "kontakt"),
                "introduction": T(
                    "Chcesz dołączyć do partnerstwa albo zaprosić nas do współpracy? Napisz lub zadzwoń.",
                    "Would you like to join the partnership or invite us to work with you? Write or call.",
                    "Sie möchten der Partnerschaft beitreten oder mit uns zusammenarbeiten? Schreiben Sie uns oder rufen Sie an.",
                ),
                "body": [
                    (
                        "paragraph",
                        T(
                            p(
                                "Sekretariat partnerstwa prowadzi lider, Miejski Ośrodek Pomocy Społecznej w Bolesławcu.",
                                "E-mail: kontakt@partnerhub.example, telefon: +48 75 000 00 00.",
                            ),
                            p(
                                "The partnership's secretariat is run by its leader, the municipal social welfare centre in Bolesławiec.",
                                "E-mail: kontakt@partnerhub.example, phone: +48 75 000 00 00.",
                            ),
                            p(
                                "Das Sekretariat der Partnerschaft führt ihr Leiter, das städtische Sozialhilfezentrum in Bolesławiec.",
                                "E-Mail: kontakt@partnerhub.example, Telefon: +48 75 000 00 00.",
                            ),
                        ),
                    ),
                    (
                        "call_to_action",
                        T(
                            "Poznaj organizacje, które już działają w partnerstwie.",
                            "Meet the organisations already active in the partnership.",
                            "Lernen Sie die Organisationen kennen, die bereits mitwirken.",
                        ),
                        T("Członkowie partnerstwa", "Our members", "Unsere Mitglieder"),
                        "organisations",
                    ),
                ],
            },
        ],
        "accession": {
            "title": T("Dołącz do partnerstwa", "Join the partnership", "Der Partnerschaft beitreten"),
            "slug": T("dolacz", "join", "beitreten"),
            "introduction": T(
                p(
                    "Partnerstwo jest otwarte dla każdego, kto chce działać zgodnie z jego celami: instytucji, organizacji, parafii, firm i osób prywatnych."
                ),
                p(
                    "The partnership is open to anyone willing to act in line with its goals: institutions, organisations, parishes, businesses and individuals."
                ),
                p(
                    "Die Partnerschaft steht allen offen, die im Sinne ihrer Ziele handeln möchten: Einrichtungen, Organisationen, Pfarreien, Unternehmen und Privatpersonen."
                ),
            ),
            "goals_help": T(
                "Aktywizacja mieszkańców; lokalne inicjatywy obywatelskie; wspólne zasoby (wiedza, lokale, sprzęt); wspólne wnioski o dofinansowanie.",
                "Activating residents; local civic initiatives; shared resources (knowledge, premises, equipment); joint funding applications.",
                "Aktivierung der Einwohner; lokale Bürgerinitiativen; gemeinsame Ressourcen (Wissen, Räume, Ausrüstung); gemeinsame Förderanträge.",
            ),
            "consent_text": T(
                "Wyrażam zgodę na przetwarzanie moich danych przez lidera partnerstwa (MOPS w Bolesławcu) w celu rozpatrzenia wniosku. Dane są przechowywane do czasu decyzji, a po przyjęciu — przez okres członkostwa. Mam prawo dostępu do danych, ich sprostowania, usunięcia i wycofania zgody.",
                "I agree that the partnership's leader (the municipal social welfare centre in Bolesławiec) processes my data to consider the application. The data are kept until the decision and, if accepted, for the time of membership. I may access, correct and erase them and withdraw my consent.",
                "Ich willige ein, dass der Leiter der Partnerschaft (das städtische Sozialhilfezentrum in Bolesławiec) meine Daten zur Prüfung des Antrags verarbeitet. Die Daten werden bis zur Entscheidung und bei Aufnahme für die Dauer der Mitgliedschaft gespeichert. Ich kann sie einsehen, berichtigen und löschen lassen und meine Einwilligung widerrufen.",
            ),
            "thank_you_text": T(
                p("Dziękujemy! Lider partnerstwa odpowie na wniosek po najbliższym spotkaniu członków."),
                p("Thank you! The partnership's leader will reply after the members' next meeting."),
                p("Vielen Dank! Der Leiter der Partnerschaft antwortet nach dem nächsten Treffen der Mitglieder."),
            ),
        },
        "contact_form": {
            "title": "Napisz do partnerstwa",
            "slug": "napisz-do-nas",
            "introduction": p("Pytania o partnerstwo i jego wydarzenia trafiają do sekretariatu lidera."),
            "privacy_notice": "Wiadomości czyta sekretariat partnerstwa (MOPS w Bolesławcu). Przechowujemy je rok, potem usuwamy.",
            "thank_you_text": p("Dziękujemy za wiadomość. Odpowiemy w ciągu kilku dni roboczych."),
            "to_address": "kontakt@partnerhub.example",
            "fields": [
                ("Imię i nazwisko", "singleline", True),
                ("Adres e-mail", "email", True),
                ("Wiadomość", "multiline", True),
            ],
        },
        "menu": ["about", "goals", "organisations", "initiatives", "news", "accession", "contact"],
        "featured_initiatives": ["akademia-aktywnego-mieszkanca", "gala-aktywnych-z-pasja", "bieg-aktywnych"],
        "partner_highlights": [],
    },
    # --- 003: Konstancin-Jeziorna and its eight partner towns ------------------------
    {
        "key": KONSTANCIN,
        "host": "konstancin.localhost:8000",
        "kind": "municipality",
        "name": T(
            "Konstancin-Jeziorna — miasta partnerskie",
            "Konstancin-Jeziorna — partner towns",
            "Konstancin-Jeziorna — Partnerstädte",
        ),
        "email": "",
        "phone": "",
        "address": T(
            "Konstancin-Jeziorna, województwo mazowieckie\nPolska",
            "Konstancin-Jeziorna, Masovian Voivodeship\nPoland",
            "Konstancin-Jeziorna, Woiwodschaft Masowien\nPolen",
        ),
        "contact_text": T(
            "Współpracę z miastami partnerskimi prowadzi urząd gminy.",
            "The municipal office runs the cooperation with the partner towns.",
            "Die Zusammenarbeit mit den Partnerstädten betreut die Gemeindeverwaltung.",
        ),
        "home": {
            "title": T("Konstancin-Jeziorna", "Konstancin-Jeziorna", "Konstancin-Jeziorna"),
            "slug": T("konstancin-jeziorna", "konstancin-jeziorna-en", "konstancin-jeziorna-de"),
            "hero_title": T(
                "Osiem miast partnerskich w Europie",
                "Eight partner towns across Europe",
                "Acht Partnerstädte in Europa",
            ),
            "hero_text": T(
                "Od porozumienia z Leidschendam w 1991 roku gmina Konstancin-Jeziorna zawarła partnerstwa z miastami w siedmiu krajach.",
                "Since the 1991 agreement with Leidschendam, the municipality of Konstancin-Jeziorna has entered into partnerships with towns in seven countries.",
                "Seit der Vereinbarung mit Leidschendam 1991 hat die Gemeinde Konstancin-Jeziorna Partnerschaften mit Städten in sieben Ländern geschlossen.",
            ),
            "introduction": T(
                p(
                    "Współpraca obejmuje samorząd, kulturę, szkoły i młodzież, sport, seniorów, rolnictwo, ochronę środowiska, pomoc charytatywną i wolontariat. Na stronie każdego miasta są daty umów, ich rodzaj i sygnatariusze."
                ),
                p(
                    "The cooperation covers local government, culture, schools and young people, sport, seniors, farming, the environment, charity and volunteering. Each town's page gives the dates of its agreements, their kind and their signatories."
                ),
                p(
                    "Die Zusammenarbeit umfasst Verwaltung, Kultur, Schulen und Jugend, Sport, Senioren, Landwirtschaft, Umweltschutz, Wohltätigkeit und Ehrenamt. Die Seite jeder Stadt nennt die Daten ihrer Vereinbarungen, deren Art und die Unterzeichner."
                ),
            ),
        },
        "sections": {
            "partners": PARTNERS_SECTION,
            "organisations": _section(
                T("Kto prowadzi współpracę", "Who runs the cooperation", "Wer die Zusammenarbeit betreut"),
                T("kto-prowadzi", "who-we-are", "wer-wir-sind"),
                T(
                    p("Urząd gminy, który publikuje wiadomości i inicjatywy z miastami partnerskimi."),
                    p("The municipal office, which publishes the news and initiatives with the partner towns."),
                    p("Die Gemeindeverwaltung, die Nachrichten und Initiativen mit den Partnerstädten veröffentlicht."),
                ),
            ),
            "initiatives": INITIATIVES_SECTION,
            "news": NEWS_SECTION,
        },
        "pages": [
            {
                "key": "about",
                "title": T("Historia współpracy", "History of the cooperation", "Geschichte der Zusammenarbeit"),
                "slug": T("historia-wspolpracy", "history", "geschichte"),
                "introduction": T(
                    "Jak od początku lat dziewięćdziesiątych powstawały partnerstwa Konstancina-Jeziorny.",
                    "How Konstancin-Jeziorna's partnerships came about since the early 1990s.",
                    "Wie die Partnerschaften von Konstancin-Jeziorna seit Anfang der 1990er-Jahre entstanden.",
                ),
                "body": [
                    (
                        "paragraph",
                        T(
                            p(
                                "Pierwsze było Leidschendam w Holandii: 3 maja 1991 roku burmistrzowie Will de Wreeze i Józef Hlebowicz podpisali porozumienie o współpracy. Rok później, 5 kwietnia 1992 roku, doszła umowa z francuskim Saint-Germain-en-Laye.",
                                "Z czeskimi Hranicami kontakty zaczęły się w 2005 roku, a umowę podpisano 7 kwietnia 2006 roku. Kolejne były Krzemieniec na Ukrainie (27 kwietnia 2007), włoskie Pisogne (6 czerwca 2008), łotewskie Cēsis (protokół współpracy z 27 stycznia 2009) i Nowa Wilejka, dziś dzielnica Wilna (20 marca 2009).",
                                "Najmłodszym partnerem jest Denzlingen w Niemczech: po liście intencyjnym z 2008 roku umowę podpisano 19 czerwca 2011 roku.",
                            ),
                            p(
                                "Leidschendam in the Netherlands came first: on 3 May 1991 the mayors Will de Wreeze and Józef Hlebowicz signed a cooperation agreement. A year later, on 5 April 1992, an agreement with Saint-Germain-en-Laye in France followed.",
                                "Contacts with Hranice in the Czech Republic began in 2005, and the agreement was signed on 7 April 2006. Kremenets in Ukraine (27 April 2007), Pisogne in Italy (6 June 2008), Cēsis in Latvia (a cooperation protocol of 27 January 2009) and Naujoji Vilnia, today a district of Vilnius (20 March 2009), came next.",
                                "The youngest partner is Denzlingen in Germany: after a letter of intent in 2008, the agreement was signed on 19 June 2011.",
                            ),
                            p(
                                "Den Anfang machte Leidschendam in den Niederlanden: Am 3. Mai 1991 unterzeichneten die Bürgermeister Will de Wreeze und Józef Hlebowicz eine Kooperationsvereinbarung. Ein Jahr später, am 5. April 1992, folgte ein Vertrag mit Saint-Germain-en-Laye in Frankreich.",
                                "Die Kontakte mit Hranice in Tschechien begannen 2005, der Vertrag wurde am 7. April 2006 unterzeichnet. Es folgten Kremenez in der Ukraine (27. April 2007), Pisogne in Italien (6. Juni 2008), Cēsis in Lettland (ein Kooperationsprotokoll vom 27. Januar 2009) und Naujoji Vilnia, heute ein Stadtteil von Vilnius (20. März 2009).",
                                "Jüngster Partner ist Denzlingen in Deutschland: Nach einer Absichtserklärung von 2008 wurde der Vertrag am 19. Juni 2011 unterzeichnet.",
                            ),
                        ),
                    ),
                ],
            },
        ],
        "menu": ["about", "partners", "initiatives", "news", "organisations"],
        "featured_initiatives": ["wymiana-z-denzlingen", "festiwal-miast-partnerskich-2019"],
        "partner_highlights": ["leidschendam", "saint-germain-en-laye", "hranice", "denzlingen"],
    },
    # --- 000: Izabelin's twin-town association ---------------------------------------
    {
        "key": IZABELIN,
        "host": "izabelin.localhost:8000",
        "kind": "twin-town-association",
        "name": T(
            "Izabelińskie Stowarzyszenie Partnerstwa Miast i Gmin",
            "Izabelin Town and Municipality Partnership Association",
            "Izabeliner Verein für Städte- und Gemeindepartnerschaften",
        ),
        "email": "",
        "phone": "",
        "address": T(
            "Izabelin, województwo mazowieckie\nPolska",
            "Izabelin, Masovian Voivodeship\nPoland",
            "Izabelin, Woiwodschaft Masowien\nPolen",
        ),
        "contact_text": T(
            "Stowarzyszenie skupia mieszkańców i sympatyków Izabelina zainteresowanych współpracą zagraniczną.",
            "The association brings together residents and friends of Izabelin interested in cooperation abroad.",
            "Der Verein vereint Einwohner und Freunde Izabelins, die an Zusammenarbeit mit dem Ausland interessiert sind.",
        ),
        "home": {
            "title": T("ISPMiG", "ISPMiG", "ISPMiG"),
            "slug": T("ispmig", "ispmig-en", "ispmig-de"),
            "hero_title": T(
                "Izabelin i jego miasta partnerskie",
                "Izabelin and its partner towns",
                "Izabelin und seine Partnerstädte",
            ),
            "hero_text": T(
                "Od stycznia 2012 roku stowarzyszenie rozwija kontakty mieszkańców Izabelina z Borken, Méru i Mickunami.",
                "Since January 2012 the association has built contacts between Izabelin's residents and Borken, Méru and Mickūnai.",
                "Seit Januar 2012 pflegt der Verein die Kontakte der Einwohner Izabelins mit Borken, Méru und Mickūnai.",
            ),
            "introduction": T(
                p(
                    "Gmina Izabelin ma trzech partnerów: niemieckie Borken i francuskie Méru, z którymi łączą ją oficjalne umowy, oraz Mickuny w rejonie wileńskim, z którymi utrzymuje nieformalne kontakty. Stowarzyszenie wspiera tę współpracę przede wszystkim na płaszczyźnie społecznej: wizyty mieszkańców, spotkania młodzieży i klubów sportowych, wspólne wystawy, zawody i sympozja."
                ),
                p(
                    "The municipality of Izabelin has three partners: Borken in Germany and Méru in France, linked to it by official agreements, and Mickūnai in the Vilnius district, with which it keeps informal contacts. The association supports this cooperation above all between people: residents' visits, meetings of young people and sports clubs, joint exhibitions, sports events and symposia."
                ),
                p(
                    "Die Gemeinde Izabelin hat drei Partner: Borken in Deutschland und Méru in Frankreich, mit denen sie offizielle Verträge verbinden, sowie Mickūnai im Bezirk Vilnius, mit dem sie informelle Kontakte pflegt. Der Verein fördert diese Zusammenarbeit vor allem zwischen den Menschen: Besuche der Einwohner, Treffen von Jugendgruppen und Sportvereinen, gemeinsame Ausstellungen, Sportveranstaltungen und Symposien."
                ),
            ),
        },
        "sections": {
            "partners": PARTNERS_SECTION,
            "organisations": _section(
                T("Stowarzyszenie", "The association", "Der Verein"),
                T("stowarzyszenie", "association", "verein"),
                T(
                    p("Kto tworzy stowarzyszenie i publikuje jego wiadomości."),
                    p("Who makes up the association and publishes its news."),
                    p("Wer den Verein bildet und seine Nachrichten veröffentlicht."),
                ),
            ),
            "initiatives": INITIATIVES_SECTION,
            "news": NEWS_SECTION,
        },
        "pages": [
            {
                "key": "goals",
                "title": T("Cele statutowe", "Statutory goals", "Satzungsziele"),
                "slug": T("cele-statutowe", "statutory-goals", "satzungsziele"),
                "introduction": T(
                    "Dziewięć celów zapisanych w statucie stowarzyszenia.",
                    "The nine goals set out in the association's statute.",
                    "Die neun Ziele aus der Satzung des Vereins.",
                ),
                "body": [
                    ("heading", T("Cele stowarzyszenia", "The association's goals", "Ziele des Vereins")),
                    (
                        "paragraph",
                        T(
                            ol(
                                "Tworzyć warunki organizacyjne do współpracy zagranicznej gminy Izabelin i jej mieszkańców, zwłaszcza z miastami i gminami partnerskimi.",
                                "Pomagać w utrwalaniu i rozwijaniu przyjacielskich kontaktów z samorządami w kraju i za granicą.",
                                "Pomagać w wymianie doświadczeń i szerzyć ideę samorządności.",
                                "Prowadzić wymianę kulturalną, pokazywać kulturę polską, wspierać tolerancję i porozumienie.",
                                "Wspierać osobiste kontakty z obywatelami innych państw, a szczególnie wymianę młodzieży.",
                                "Rozwijać postawę tolerancji, neutralnej światopoglądowo, politycznie i wyznaniowo.",
                                "Wspierać społeczność lokalną, w tym osoby z niepełnosprawnościami, i samorząd gminy, korzystając z doświadczeń stowarzyszenia.",
                                "Współpracować bezpośrednio z organizacjami o podobnych celach, zwłaszcza w miastach partnerskich.",
                                "Promować gminę Izabelin oraz wiedzę o jej historii i teraźniejszości.",
                            ),
                            ol(
                                "Create the organisational conditions for the cooperation abroad of the municipality of Izabelin and its residents, above all with its partner towns and municipalities.",
                                "Help to strengthen and develop friendly contacts with local governments at home and abroad.",
                                "Help to exchange experience and spread the idea of local self-government.",
                                "Carry out cultural exchange, show Polish culture, support tolerance and understanding.",
                                "Support personal contacts with citizens of other countries, and youth exchanges in particular.",
                                "Develop tolerance, neutral in matters of world view, politics and religion.",
                                "Support the local community, people with disabilities included, and the municipality, drawing on the association's experience.",
                                "Work directly with organisations that have similar goals, especially in the partner towns.",
                                "Promote the municipality of Izabelin and knowledge of its history and present.",
                            ),
                            ol(
                                "Organisatorische Voraussetzungen für die Auslandszusammenarbeit der Gemeinde Izabelin und ihrer Einwohner schaffen, vor allem mit den Partnerstädten und -gemeinden.",
                                "Helfen, freundschaftliche Kontakte mit Kommunen im In- und Ausland zu festigen und auszubauen.",
                                "Beim Erfahrungsaustausch helfen und die Idee der kommunalen Selbstverwaltung verbreiten.",
                                "Kulturellen Austausch pflegen, die polnische Kultur zeigen, Toleranz und Verständigung fördern.",
                                "Persönliche Kontakte mit Bürgern anderer Länder unterstützen, insbesondere den Jugendaustausch.",
                                "Toleranz fördern, weltanschaulich, politisch und konfessionell neutral.",
                                "Die örtliche Gemeinschaft, auch Menschen mit Behinderungen, und die Gemeinde mit den Erfahrungen des Vereins unterstützen.",
                                "Direkt mit Organisationen ähnlicher Ziele zusammenarbeiten, besonders in den Partnerstädten.",
                                "Die Gemeinde Izabelin und das Wissen über ihre Geschichte und Gegenwart bekannt machen.",
                            ),
                        ),
                    ),
                ],
            },
        ],
        "menu": ["goals", "partners", "initiatives", "news", "organisations"],
        "featured_initiatives": ["dni-borken", "wystawa-artystow-z-meru"],
        "partner_highlights": ["borken", "meru", "mickuny"],
    },
    # --- 002: an association of municipalities (the seed gives its aims, not its name) -
    {
        "key": GMINY,
        "host": "gminy.localhost:8000",
        "kind": "association-of-municipalities",
        "name": T(
            "Stowarzyszenie gmin (przykład)",
            "Association of municipalities (example)",
            "Gemeindeverband (Beispiel)",
        ),
        "email": "",
        "phone": "",
        "address": T("Polska", "Poland", "Polen"),
        "contact_text": T(
            "Nazwa stowarzyszenia i lista jego gmin są w tej wersji demonstracyjnej przykładami.",
            "The association's name and its list of municipalities are examples in this demo.",
            "Name des Vereins und Liste seiner Gemeinden sind in dieser Demo Beispiele.",
        ),
        "home": {
            "title": T("Stowarzyszenie gmin", "Association of municipalities", "Gemeindeverband"),
            "slug": T("stowarzyszenie-gmin", "association-of-municipalities", "gemeindeverband"),
            "hero_title": T(
                "Wspólna strategia gmin",
                "A joint strategy of the municipalities",
                "Eine gemeinsame Strategie der Gemeinden",
            ),
            "hero_text": T(
                "Gminy członkowskie planują rozwój razem: przyjmują strategię terytorialną, realizują wspólne projekty i monitorują ich postęp.",
                "The member municipalities plan their development together: they adopt a territorial strategy, carry out joint projects and monitor their progress.",
                "Die Mitgliedsgemeinden planen ihre Entwicklung gemeinsam: Sie beschließen eine territoriale Strategie, setzen gemeinsame Projekte um und verfolgen deren Fortschritt.",
            ),
            "introduction": T(
                p(
                    "Stowarzyszenie reprezentuje wspólne interesy gmin, koordynuje ich działania i pozyskuje środki zewnętrzne na wspólne przedsięwzięcia."
                ),
                p(
                    "The association represents the municipalities' common interests, coordinates their work and raises outside funding for joint projects."
                ),
                p(
                    "Der Verein vertritt die gemeinsamen Interessen der Gemeinden, koordiniert ihre Arbeit und wirbt Fördermittel für gemeinsame Vorhaben ein."
                ),
            ),
        },
        "sections": {
            "organisations": _section(
                T("Gminy członkowskie", "Member municipalities", "Mitgliedsgemeinden"),
                T("gminy-czlonkowskie", "members", "mitglieder"),
                T(
                    p("Gminy, które tworzą stowarzyszenie. Nazwy w tej wersji demonstracyjnej są przykładami."),
                    p("The municipalities that make up the association. The names in this demo are examples."),
                    p("Die Gemeinden, die den Verein bilden. Die Namen in dieser Demo sind Beispiele."),
                ),
            ),
            "initiatives": INITIATIVES_SECTION,
            "news": NEWS_SECTION,
        },
        "pages": [
            {
                "key": "goals",
                "title": T("Cele statutowe", "Statutory aims", "Satzungsziele"),
                "slug": T("cele-statutowe", "statutory-aims", "satzungsziele"),
                "introduction": T(
                    "Po co gminy zrzeszyły się w stowarzyszeniu i jak realizują swoje cele.",
                    "Why the municipalities formed the association and how they pursue its aims.",
                    "Warum sich die Gemeinden zusammengeschlossen haben und wie sie ihre Ziele verfolgen.",
                ),
                "body": [
                    ("heading", T("Nasze cele", "Our aims", "Unsere Ziele")),
                    (
                        "paragraph",
                        T(
                            ol(
                                "Wspierać ideę samorządu terytorialnego, reprezentować i bronić wspólnych interesów członków.",
                                "Wspólnie planować rozwój i realizować strategię terytorialną przyjętą przez członków.",
                                "Prowadzić wspólne projekty: kultura, sport, turystyka i rekreacja, zabytki i rewitalizacja, infrastruktura komunalna, społeczna i edukacyjna, ochrona środowiska i odnawialne źródła energii, rozwój gospodarczy.",
                                "Monitorować realizację strategii terytorialnej.",
                                "Reprezentować członków na forum ponadlokalnym i umożliwiać wymianę doświadczeń.",
                                "Prowadzić działalność wydawniczą, informacyjną i szkoleniową.",
                                "Wspierać zatrudnienie i aktywizację zawodową, seniorów, osoby z niepełnosprawnościami i organizacje pozarządowe.",
                            ),
                            ol(
                                "Support the idea of local self-government; represent and defend the members' common interests.",
                                "Plan development together and carry out the territorial strategy the members adopted.",
                                "Run joint projects: culture, sport, tourism and recreation, heritage and revitalisation, municipal, social and educational infrastructure, the environment and renewable energy, economic development.",
                                "Monitor how the territorial strategy is carried out.",
                                "Represent the members beyond the local level and let them exchange experience.",
                                "Publish, inform and train.",
                                "Support employment and job activation, seniors, people with disabilities and NGOs.",
                            ),
                            ol(
                                "Die Idee der kommunalen Selbstverwaltung fördern; die gemeinsamen Interessen der Mitglieder vertreten und verteidigen.",
                                "Die Entwicklung gemeinsam planen und die von den Mitgliedern beschlossene territoriale Strategie umsetzen.",
                                "Gemeinsame Projekte durchführen: Kultur, Sport, Tourismus und Erholung, Denkmalpflege und Revitalisierung, kommunale, soziale und Bildungsinfrastruktur, Umweltschutz und erneuerbare Energien, Wirtschaftsentwicklung.",
                                "Die Umsetzung der territorialen Strategie überwachen.",
                                "Die Mitglieder überörtlich vertreten und den Erfahrungsaustausch ermöglichen.",
                                "Veröffentlichen, informieren und schulen.",
                                "Beschäftigung und berufliche Aktivierung, Senioren, Menschen mit Behinderungen und Vereine unterstützen.",
                            ),
                        ),
                    ),
                ],
            },
        ],
        "menu": ["goals", "organisations", "initiatives", "news"],
        "featured_initiatives": ["wspolny-szlak-rowerowy"],
        "partner_highlights": [],
    },
    # --- 004: the Association of Polish Cities' twinning portal ------------------------
    {
        "key": PORTAL,
        "host": "portal.localhost:8000",
        "kind": "twinning-portal",
        "name": T(
            "Portal współpracy miast partnerskich",
            "Town twinning portal",
            "Portal der Städtepartnerschaften",
        ),
        "email": "",
        "phone": "",
        "address": T("Polska", "Poland", "Polen"),
        "contact_text": T(
            "Portal prowadzi związek miast dla polskich samorządów i ich partnerów.",
            "An association of cities runs the portal for Polish local governments and their partners.",
            "Ein Städteverband betreibt das Portal für polnische Kommunen und ihre Partner.",
        ),
        "home": {
            "title": T("Portal współpracy miast", "Twinning portal", "Portal der Städtepartnerschaften"),
            "slug": T("portal", "portal-en", "portal-de"),
            "hero_title": T(
                "Współpraca miast partnerskich w Europie",
                "Town twinning in Europe",
                "Städtepartnerschaften in Europa",
            ),
            "hero_text": T(
                "W Europie działa ponad 20 000 partnerstw samorządów; blisko 4 000 z nich współtworzą polskie miasta, gminy, powiaty i województwa.",
                "More than 20,000 twinning partnerships link local governments in Europe; Polish towns, municipalities, counties and regions take part in nearly 4,000 of them.",
                "In Europa gibt es über 20 000 kommunale Partnerschaften; an fast 4 000 davon sind polnische Städte, Gemeinden, Kreise und Woiwodschaften beteiligt.",
            ),
            "introduction": T(
                p(
                    "Portal zbiera w jednym miejscu informacje o partnerstwach polskich samorządów: listy partnerstw gmin, powiatów i województw opracowane na podstawie ankiety z 2009 roku, mapę partnerstw polsko-niemieckich (ponad 1 000 par, z datami, obszarami współpracy i cyklicznymi wydarzeniami) oraz wiadomości o programach, które wspierają spotkania mieszkańców."
                ),
                p(
                    "The portal gathers information on Polish local governments' partnerships in one place: lists of the partnerships of municipalities, counties and regions based on a 2009 survey, a map of Polish-German partnerships (more than 1,000 pairs, with dates, areas of cooperation and recurring events) and news of the programmes that fund meetings of residents."
                ),
                p(
                    "Das Portal bündelt Informationen über die Partnerschaften polnischer Kommunen: Listen der Partnerschaften von Gemeinden, Kreisen und Woiwodschaften auf Grundlage einer Umfrage von 2009, eine Karte der deutsch-polnischen Partnerschaften (über 1 000 Paare, mit Daten, Bereichen und wiederkehrenden Veranstaltungen) sowie Nachrichten über Programme, die Begegnungen von Bürgern fördern."
                ),
            ),
        },
        "sections": {
            "directory": _section(
                T("Baza partnerstw", "Partnership directory", "Partnerschaftsverzeichnis"),
                T("baza-partnerstw", "partnership-directory", "partnerschaftsverzeichnis"),
                T(
                    p(
                        "Partnerstwa polskich gmin, powiatów i województw z miastami w Europie: wyszukiwarka, statystyki, rocznice i dane do pobrania. Partnerstwa z sieci tego portalu pochodzą wprost ze stron ich miast partnerskich; pozostałe wiersze wygenerowano jako przykłady."
                    ),
                    p(
                        "Partnerships of Polish municipalities, counties and regions with towns across Europe: search, statistics, anniversaries and open data. The partnerships of this portal's networks come straight from their partner towns' pages; the other rows are generated examples."
                    ),
                    p(
                        "Partnerschaften polnischer Gemeinden, Kreise und Woiwodschaften mit Städten in Europa: Suche, Statistik, Jubiläen und offene Daten. Die Partnerschaften der Netze dieses Portals stammen direkt von den Seiten ihrer Partnerstädte; die übrigen Zeilen sind erzeugte Beispiele."
                    ),
                ),
            ),
            "news": NEWS_SECTION,
        },
        "pages": [],
        "menu": ["directory", "news"],
        "featured_initiatives": [],
        "partner_highlights": [],
    },
]

BY_KEY = {network["key"]: network for network in NETWORKS}
