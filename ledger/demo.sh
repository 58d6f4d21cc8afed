#!/usr/bin/env bash
# The demo: a fresh ledger from the sample of the regional data platform, changed by two
# administrators, showing what the tool does. Each command is printed before its output.
# Usage: ledger/demo.sh PATH-TO-ADMINLEDGER
set -euo pipefail
tool=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
samples=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The demo speaks the reader's language, chosen as the tool chooses it.
language=en
for variable in "${ADMINLEDGER_LANG:-}" "${LC_ALL:-}" "${LC_MESSAGES:-}" "${LANG:-}"; do
  if [ -n "$variable" ]; then
    case "$variable" in fr*) language=fr ;; esac
    break
  fi
done
say() { if [ "$language" = fr ]; then printf '%s' "$2"; else printf '%s' "$1"; fi; }
# Headings are bold on a terminal only, and never when NO_COLOR is set (no-color.org).
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold="" plain=""; fi
export NO_COLOR=1

# step "English heading" "Titre en français"
step() { printf '\n%s## %s%s\n' "$bold" "$(say "$1" "$2")" "$plain"; }
# Prints the command, runs it, and shows a non-zero exit code without stopping the demo.
run() {
  local shown="" word
  for word in "$@"; do
    if [[ "$word" =~ ^[A-Za-z0-9_./:=,@+-]+$ ]]; then shown+=" $word"
    elif [[ "$word" == *"'"* ]]; then shown+=" \"$word\""
    else shown+=" '$word'"; fi
  done
  printf '$ adminledger%s\n' "$shown"
  local status=0
  "$tool" "$@" || status=$?
  if [ "$status" -ne 0 ]; then printf '(%s %d)\n' "$(say exit sortie)" "$status"; fi
}

cd "$work"
export ADMINLEDGER_AUTHOR="Sophie Roux <sroux@cen-paca.example.org>"

step "Sophie, the user manager, makes a ledger of the platform's sample: every record is checked, then committed" \
  "Sophie, gestionnaire des utilisateurs, fait un registre de l'exemple de la plateforme : chaque fiche est vérifiée, puis commitée"
run init --from "$samples/platform" biodiv
cd biodiv

step "Reading: a table, one record, JSON for scripts" \
  "Lire : un tableau, une fiche, du JSON pour les scripts"
run list organizations
run show people/tblanc
run show systems/geonature --format json

step "Scenario 1: a member organisation joins; Sophie records it" \
  "Scénario 1 : une structure adhérente arrive ; Sophie l'enregistre"
run add organizations gecko-alpes --set "name=Gecko Alpes" --set type=member --set 'contacts=["lmartin"]'
run add accounts --set person=lmartin --set system=wiki --set login=lmartin --set status=requested --set opened=2026-11-27

step "Marc, the system administrator, works as himself: revokes an expired temporary right" \
  "Marc, administrateur système, travaille sous son nom : il retire un droit temporaire échu"
right=$("$tool" list rights --format ndjson | grep '"end":"2026-11-10"' | sed 's/.*"id":"\([^"]*\)".*/\1/')
ADMINLEDGER_AUTHOR="Marc Petit <mpetit@cen-paca.example.org>" run set "rights/$right" --set status=revoked --set 'reason=three months are over; access closed'

step "Hand edits are first-class: edit a file, see it in status, commit it" \
  "Les modifications à la main sont chez elles : modifier un fichier, le voir dans status, le commiter"
sed -i 's/"priority": "low"/"priority": "high"/' tickets/*.json
run status
run commit -m "Raise the herbarium import's priority after the committee"

step "Every write is validated first: a refused write says why and changes nothing" \
  "Toute écriture est d'abord validée : une écriture refusée dit pourquoi et ne change rien"
run add payments --set provider=scaleway --set amount=212.40 --set status=approved --set approved_by=sroux --set approved_on=2026-11-27
run set "rights/$right" --set temporary=yes
account=$("$tool" list accounts --format ndjson | grep '"login":"tblanc"' | sed 's/.*"id":"\([^"]*\)".*/\1/')
run set "accounts/$account" --set password=Summer2026
run add tickets --set type=evolution --set "title=Dark theme" --set status=in-progress --set opened=2026-11-27
ADMINLEDGER_AUTHOR="Claire Durand <cdurand@cen-paca.example.org>" run add payments --set provider=scaleway --set amount=212.40 --set status=approved --set approved_by=cdurand --set approved_on=2026-11-27

step "The whole ledger checks clean; a plain git commit of a bad record is refused by the hook" \
  "Le registre entier est valide ; un simple git commit d'une fiche invalide est refusé par le hook"
run validate
printf '{\n  "name": "Eve",\n  "organization": "nowhere"\n}\n' > people/eve.json
git add people/eve.json
git -c user.name=Sophie -c user.email=sroux@cen-paca.example.org commit -q -m "Add Eve" || echo "($(say "git commit refused" "git commit refusé"))"
git rm -q --cached people/eve.json && rm people/eve.json

step "Bad input is refused with a clear message and changes nothing" \
  "Une saisie invalide est refusée avec un message clair et ne change rien"
run add people "Jean Dupont" --set name=Jean
run add peple jdupont
printf '{\n  "name": "Jean",\n  "emails": ["a" "b"]\n}\n' > /tmp/adminledger-demo-bad.json
run add people jdupont --file /tmp/adminledger-demo-bad.json
run json check /tmp/adminledger-demo-bad.json
rm -f /tmp/adminledger-demo-bad.json

step "Questions on the current state: conditions, reference paths, sorting, chosen fields" \
  "Questions sur l'état actuel : conditions, chemins de références, tri, champs choisis"
run list rights --where account.person.organization=pnr-queyras --fields id,account.person.name,role,validated_by.name,validated_on
run list payments --where "amount>=1000" --sort -amount --fields provider,amount,status,paid_on
run show people/tblanc --refs

step "Reports: what expires, who can access a system, the year's figures" \
  "Rapports : ce qui expire, qui accède à un système, les chiffres de l'année"
run report expiring --within 60d
run report access geonature --format csv
run report annual --year 2026

step "Who does what: the platform's coordination table, and Sophie's own duties" \
  "Qui fait quoi : le tableau de coordination de la plateforme, et les missions de Sophie"
run report duties
run report duties --person sroux --format csv

step "Every write is an ordinary git commit with trailers" \
  "Chaque écriture est un commit git ordinaire, avec ses trailers"
git log -6 --format='%h %an: %s'
echo
git log -1 --format=%B
step "Who changed what: the history of one right, field by field" \
  "Qui a changé quoi : l'historique d'un droit, champ par champ"
run log "rights/$right" --limit 2
run blame "rights/$right"

step "The past stays readable" \
  "Le passé reste lisible"
run show "rights/$right" --at HEAD~3

step "Working together (scenario 15): Sophie shares the ledger; Marc and Claire clone it" \
  "Travailler ensemble (scénario 15) : Sophie partage le registre ; Marc et Claire le copient"
git init -q --bare "$work/shared.git"
git remote add origin "$work/shared.git"
run sync
cd "$work"
run clone shared.git marc
run clone shared.git claire
training=trainings/2026-10-03-8rla1

step "Offline, the same afternoon: Marc adds two attendees and corrects the duration; Claire adds a third and changes the duration differently; Sophie fixes the location" \
  "Hors ligne, le même après-midi : Marc ajoute deux participants et corrige la durée ; Claire en ajoute un troisième et change la durée autrement ; Sophie corrige le lieu"
cd "$work/marc"
ADMINLEDGER_AUTHOR="Marc Petit <mpetit@cen-paca.example.org>" run set $training --set 'attendees=["afaure","hgarnier","zlambert","lfaure","npetit"]' --set duration_hours=7
cd "$work/claire"
ADMINLEDGER_AUTHOR="Claire Durand <cdurand@cen-paca.example.org>" run set $training --set 'attendees=["afaure","hgarnier","zlambert","cmorel"]' --set duration_hours=6.5
cd "$work/biodiv"
run set $training --set location=Toulon

step "They sync in the evening: Sophie first, then Marc (his change merges field by field), then Claire (one conflict)" \
  "Ils synchronisent le soir : Sophie d'abord, puis Marc (sa modification fusionne champ par champ), puis Claire (un conflit)"
run sync
cd "$work/marc"
ADMINLEDGER_AUTHOR="Marc Petit <mpetit@cen-paca.example.org>" run sync
cd "$work/claire"
export ADMINLEDGER_AUTHOR="Claire Durand <cdurand@cen-paca.example.org>"
run sync
run status
run conflicts
step "Claire keeps Marc's duration, finishes the merge and pushes; the attendees of both are there" \
  "Claire garde la durée de Marc, termine la fusion et pousse ; les participants des deux y sont"
run resolve $training duration_hours --theirs
run sync --continue
run show $training
git log -1 --format=%B
step "Sophie's next sync brings the merge: every copy holds the same ledger" \
  "La synchronisation suivante de Sophie apporte la fusion : chaque copie tient le même registre"
cd "$work/biodiv"
export ADMINLEDGER_AUTHOR="Sophie Roux <sroux@cen-paca.example.org>"
run sync
run show $training --format json
run log $training --limit 3

step "The association: consistency before a newsletter, and the mailing service's contact list" \
  "L'association : cohérence avant une lettre d'information, et la liste de contacts du service d'envoi"
cd "$work"
ADMINLEDGER_AUTHOR="Mathieu Dupont <mdupont@example.org>" run init --from "$samples/association" association
cd association
run report consistency
run export contacts
step "Rights by function: what the delegates' and the treasurer's functions call for, and rights no function justifies" \
  "Droits par fonction : ce qu'appellent les fonctions des délégués et du trésorier, et les droits qu'aucune fonction ne justifie"
run report entitlements
ADMINLEDGER_AUTHOR="Mathieu Dupont <mdupont@example.org>" run add rights --set account=2023-06-01-f5kfe --set role=delegate --set status=active
step "The hosts' own deadlines: certificates, domains, backup checks; a certificate transparency search brings the real ends" \
  "Les échéances des hébergeurs : certificats, domaines, contrôles de sauvegarde ; une recherche Certificate Transparency apporte les vraies fins"
run report expiring --within 60d
cp "$samples/imports/certificates-crtsh-export.csv" "$work/"
ADMINLEDGER_AUTHOR="Mathieu Dupont <mdupont@example.org>" run import systems "$work/certificates-crtsh-export.csv" --profile certificates
step "Scenario 9 and 14: an approval recorded by the administrator in the treasurer's name; the audit finds it" \
  "Scénarios 9 et 14 : une approbation enregistrée par l'administrateur au nom du trésorier ; l'audit la trouve"
payment=$("$tool" list payments --where status=received --where provider=ovhcloud --fields id --format csv | tail -1)
ADMINLEDGER_AUTHOR="Mathieu Dupont <mdupont@example.org>" run set "payments/$payment" --set status=approved --set approved_by=slefort --set approved_on=2026-11-27
run audit
step "Importing the back office's member export (ISO-8859-1, ';', French headers)" \
  "Importer l'export des adhérents du back-office (ISO-8859-1, « ; », en-têtes en français)"
cd "$work" && "$tool" init members --name Members >/dev/null && cd members
run import people "$samples/imports/dolibarr-members-export-latin1.csv" --profile dolibarr-members
run list people --fields id,name,member_status,functions
run export contacts

step "The monthly routine (scenario 16): next month's member export, re-imported with --update" \
  "La routine mensuelle (scénario 16) : l'export des adhérents du mois suivant, réimporté avec --update"
# Next month: Thu Nguyen did not renew, Zoé Petit joined, Hugo Lefèvre left the association.
iconv -f latin1 -t utf-8 "$samples/imports/dolibarr-members-export-latin1.csv" \
  | sed '/;hlefevre;/d; /;tnguyen;/s/;1;2026-12-31;3;/;0;2025-12-31;3;/' \
  | sed '5a 9;ADH-0009;Mme;PETIT;Zoé;zpetit;phy;;;;;;;;;;;;zoe.petit@example.org;;1;2027-10-31;2;Adhérent actif;2026-11-02;30.00;' \
  | iconv -f utf-8 -t latin1 > "$work/members-december.csv"
run import people "$work/members-december.csv" --profile dolibarr-members --update --dry-run
run import people "$work/members-december.csv" --profile dolibarr-members --update --missing member_status=resigned
run import people "$work/members-december.csv" --profile dolibarr-members --update --missing member_status=resigned

step "The site's user export against the ledger: a lapsed member still has an editor account" \
  "L'export des utilisateurs du site face au registre : un adhérent non à jour a encore un compte de rédacteur"
cd "$work/association"
cp "$samples/imports/wordpress-users-export.csv" "$work/"
run report drift website "$work/wordpress-users-export.csv"
ADMINLEDGER_AUTHOR="Mathieu Dupont <mdupont@example.org>" run report drift website "$work/wordpress-users-export.csv" --update
run report drift website "$work/wordpress-users-export.csv"
run report consistency

step "The host's mailboxes and forwarders (cPanel's uapi), then the newsletter's lists (Brevo), against the ledger" \
  "Les boîtes aux lettres et redirections de l'hébergement (uapi de cPanel), puis les listes de la lettre (Brevo), face au registre"
cp "$samples/imports/cpanel-email-list-pops.json" "$samples/imports/cpanel-email-list-forwarders.json" "$work/"
cp "$samples/imports/brevo-contacts-export.csv" "$work/"
run report drift mail "$work/cpanel-email-list-pops.json" "$work/cpanel-email-list-forwarders.json"
ADMINLEDGER_AUTHOR="Mathieu Dupont <mdupont@example.org>" run report drift mail "$work/cpanel-email-list-pops.json" "$work/cpanel-email-list-forwarders.json" --update
run report drift brevo-newsletter "$work/brevo-contacts-export.csv"

step "Who still uses what: the portal's last logins, then the rights nobody used for 90 days" \
  "Qui utilise encore quoi : les dernières connexions au portail, puis les droits inutilisés depuis 90 jours"
cd "$work/biodiv"
cp "$samples/imports/geonature-last-logins.csv" "$work/"
run import accounts "$work/geonature-last-logins.csv" --profile last-login --system geonature
run report unused --since 90d --system geonature
cp "$samples/imports/matomo-users.json" "$work/"
run report drift matomo "$work/matomo-users.json" --update

step "A partner's access review: LPO PACA keeps one right and revokes two" \
  "La revue des accès d'un partenaire : la LPO PACA garde un droit et en retire deux"
printf '$ adminledger report review lpo-paca > review.csv\n'
"$tool" report review lpo-paca > "$work/review.csv"
cat "$work/review.csv"
# The partner's answer, as a script fills it: the first right kept, the next two revoked.
awk -F, 'BEGIN { OFS = "," } NR == 2 { $13 = "keep" } NR == 3 { $13 = "revoke"; $14 = "left the survey team" } NR == 4 { $13 = "retirer" } { print }' \
  "$work/review.csv" > "$work/review-answered.csv"
run import rights "$work/review-answered.csv" --profile access-review
sed -i 's/  "currency": "EUR",/  "currency": "EUR",\n  "review_interval": "1y",/' ledger.json
run commit -m "Review every right's validation once a year"
run report expiring --within 30d

step "A reviewer's view of the shared ledger: who did what, through the merges" \
  "Le registre partagé vu par un relecteur : qui a fait quoi, à travers les fusions"
cd "$work/biodiv"
run log --author mpetit --limit 2
run blame trainings/2026-10-03-8rla1
run audit

step "Scenario 18: signed commits. Marc, the administrator, gives Sophie's record and his own their SSH keys and requires signatures from today" \
  "Scénario 18 : commits signés. Marc, l'administrateur, ajoute leurs clés SSH à la fiche de Sophie et à la sienne et exige les signatures dès aujourd'hui"
mkdir -p "$work/keys"
for who in mpetit sroux volunteer; do ssh-keygen -q -t ed25519 -N '' -C "$who" -f "$work/keys/$who"; done
key() { cut -d' ' -f1-2 "$work/keys/$1.pub"; }
cd "$work/marc"
export ADMINLEDGER_AUTHOR="Marc Petit <mpetit@cen-paca.example.org>"
run sync > /dev/null
run hook install --signing-key "$work/keys/mpetit"
run set people/mpetit --set "signing_keys=[{\"key\":\"$(key mpetit)\"}]"
run set people/sroux --set "signing_keys=[{\"key\":\"$(key sroux)\"}]"
sed -i "s/  \"policy\": {/  \"policy\": {\n    \"signed_commits_from\": \"$(date +%F)\",/" ledger.json
run commit -m "Require signed commits from today"
run sync
run hook install pre-receive --repo "$work/shared.git"
git log --show-signature -1 2>&1 | head -3

step "An impostor with push access writes as Marc, signing with their own key: the shared repository refuses it, and the audit says why" \
  "Un imposteur qui peut pousser écrit au nom de Marc en signant avec sa propre clé : le dépôt partagé refuse, et l'audit dit pourquoi"
cd "$work"
ADMINLEDGER_AUTHOR="Marc Petit <mpetit@cen-paca.example.org>" run clone shared.git volunteer --signing-key "$work/keys/volunteer"
cd "$work/volunteer"
ADMINLEDGER_AUTHOR="Marc Petit <mpetit@cen-paca.example.org>" run set people/sroux --set 'ledger_roles=[{"role":"admin"}]'
ADMINLEDGER_AUTHOR="Marc Petit <mpetit@cen-paca.example.org>" run sync
run audit HEAD~1..HEAD
cd "$work/biodiv"

step "The review site: the same ledger as web pages, for reviewers who use neither git nor a terminal" \
  "Le site de relecture : le même registre en pages web, pour les relecteurs qui n'utilisent ni git ni terminal"
# Written under the repository's .build, not in the demo's temporary folder, so it stays to be opened.
site="$(dirname "$samples")/.build/demo-site"
mkdir -p "$(dirname "$site")"
run site "$site"
printf '\n%s file://%s/index.html\n' "$(say "The review site stays after the demo: open" "Le site de relecture reste après la démo : ouvrez")" "$site"

step "Reminders: the association's duty done, then one email per person with what falls due this month, ready for sendmail -t" \
  "Rappels : l'obligation de l'association accomplie, puis un courriel par personne avec ce qui arrive à échéance ce mois-ci, prêt pour sendmail -t"
cd "$work/association"
ADMINLEDGER_AUTHOR="Mathieu Dupont <mdupont@example.org>" run done consistency --note "Brevo lists matched to the members"
run report expiring --within 31d --format mail --output "$work/reminders"
ls "$work/reminders" | wc -l | xargs printf '%s %s\n' "$(say "messages written:" "messages écrits :")"
# Mathieu's message, the administrator's (another one's on a day when he has none).
for message in "$work/reminders/mdupont.eml" "$work/reminders"/*.eml; do
  [ -e "$message" ] || continue
  sed -n '/^From:/,/^Content-Transfer-Encoding/p' "$message" | tr -d '\r'
  break
done
