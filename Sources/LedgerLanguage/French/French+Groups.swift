extension French {
  static let groups: [String: String] = [
    // Validation of groups and memberships.
    "groups/{1} is a group of systems/{2}, not of the account's system (systems/{3})":
      "groups/{1} est un groupe de systems/{2}, pas du système du compte (systems/{3})",
    "list only groups of systems/{1} ('adminledger list groups' shows them)":
      "ne listez que des groupes de systems/{1} ('adminledger list groups' les montre)",
    // Reports: a role held through a group.
    "through group {1}":
      "par le groupe {1}",
    // Offboarding.
    "accounts/{1} on {2} taken out of the groups {3}: no role through them remains":
      "accounts/{1} sur {2} retiré des groupes {3} : aucun rôle ne reste par eux",
    "take it out of the groups {1}":
      "le retirer des groupes {1}",
    // Drift.
    "no group": "aucun groupe",
    "groups in the ledger: {1}; on the system: {2}":
      "groupes dans le registre : {1} ; sur le système : {2}",
    "this is not a Dolibarr export of users: no column \"Identifiant\" (Login) and \"Administrateur\" (Administrator)":
      "ce n'est pas un export des utilisateurs de Dolibarr : pas de colonne \"Identifiant\" (Login) et \"Administrateur\" (Administrator)",
    "export the dataset \"Users and attributes\" with its login, admin, status and group fields (ledger/imports/README.md)":
      "exportez le lot « Utilisateurs et attributs » avec ses champs identifiant, administrateur, état et groupe (ledger/imports/README.md)",
    "{1} is disabled in Dolibarr; it counts as not on the system":
      "{1} est désactivé dans Dolibarr ; il compte comme absent du système",
    // The site's name of the kind.
    "Groups": "Groupes",
    "groups": "groupes",
  ]
}
