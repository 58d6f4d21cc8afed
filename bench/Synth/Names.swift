// Word lists the generator draws names, places and topics from (fictional people).
enum Names {
  static let first = [
    "Adele", "Alain", "Amandine", "Antoine", "Baptiste", "Camille", "Cedric", "Chloe", "Damien", "Delphine",
    "Elise", "Emma", "Fabien", "Florence", "Gael", "Helene", "Hugo", "Ines", "Jeanne", "Julien", "Karim",
    "Laura", "Lea", "Louis", "Lucie", "Manon", "Mathieu", "Nadia", "Nicolas", "Oceane", "Olivier", "Pauline",
    "Pierre", "Quentin", "Rachid", "Romain", "Sarah", "Simon", "Sonia", "Thomas", "Valerie", "Victor",
    "Xavier", "Yann", "Zoe",
  ]
  static let last = [
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
    "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
    "Morel", "Girard", "Andre", "Mercier", "Dupont", "Lambert", "Bonnet", "Francois", "Martinez", "Legrand",
    "Garnier", "Faure", "Rousseau", "Blanc", "Guerin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin",
    "Morin", "Mathieu", "Clement", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson",
    "Sanchez", "Gerard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger",
  ]
  static let places = [
    "alpilles", "baronnies", "camargue", "crau", "durance", "ecrins", "esterel", "luberon", "maures",
    "mercantour", "queyras", "sainte-baume", "ubaye", "verdon", "ventoux", "vesubie", "embrunais",
    "champsaur", "devoluy", "gapencais", "brianconnais", "tinee", "roya", "bleone", "asse", "calanques",
    "frioul", "porquerolles", "port-cros", "giens", "siagne", "loup", "var", "argens", "huveaune", "arc",
  ]
  static let orgPrefixes = ["asso", "cpie", "mairie", "sivom", "collectif", "bureau", "club", "smage", "gcp", "obs"]
  static let orgWords = ["Association", "CPIE", "Commune", "SIVOM", "Collectif", "Bureau d'etudes", "Club nature",
                         "Syndicat mixte", "Groupe chiropteres", "Observatoire"]
  static let departments = ["04", "05", "06", "13", "83", "84", "2A", "2B"]
  static let functions = ["member", "delegate", "deputy", "board", "advisor", "staff", "contact", "validator",
                          "contributor", "researcher", "volunteer"]
  static let topics = [
    "GeoNature data entry", "Validating observations", "Sensitive data rules", "Exporting a dataset",
    "UsersHub account management", "QGIS and the platform's web services", "Mobile data collection",
    "Taxonomic reference updates", "Data quality checks", "Publishing a dataset",
  ]
  static let ticketTitles = [
    "Export of observations for", "Slow map display in", "Add a field for", "Password reset requested by",
    "Disk alarm on", "Failed backup of", "Update of the taxonomic reference in", "New validation workflow for",
    "Data return to", "Exchange with the national inventory for",
  ]
  static let reasons = [
    "survey of the year", "data validation for the atlas", "partner convention", "internship",
    "staff member", "regional atlas work", "data entry campaign", "analysis of protected species",
  ]
  static let locations = ["Marseille", "Gap", "Digne-les-Bains", "Aix-en-Provence", "Nice", "Avignon", "Toulon", "online"]
  static let channels = ["phone", "email", "sms", "letter", "in person", "video"]
  static let notes = [
    "called back, all fine", "asked again by email", "see the steering committee minutes",
    "to follow up next month", "checked with the partner", "documented on the wiki",
  ]
}
