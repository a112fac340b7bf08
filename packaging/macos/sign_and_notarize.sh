#!/bin/bash
# Signs Lesesaal.app for distribution outside the App Store, packs it into a .dmg, signs that, has Apple notarise
# it and staples the ticket, so Gatekeeper accepts it offline.
#   sign_and_notarize.sh path/to/Lesesaal.app path/to/Lesesaal.dmg
#
# Environment:
#   LESESAAL_SIGN_IDENTITY   the "Developer ID Application: NAME (TEAMID)" certificate in the keychain (required)
#   and either
#   LESESAAL_NOTARY_PROFILE  a keychain profile made once with `xcrun notarytool store-credentials`
#   or all of
#   LESESAAL_APPLE_ID, LESESAAL_TEAM_ID, LESESAAL_APP_PASSWORD  (an app-specific password of that Apple ID)
#
# PyInstaller has already signed every library and executable inside the app with the same identity, the hardened
# runtime and entitlements.plist (lesesaal.spec reads LESESAAL_SIGN_IDENTITY); here the bundle is sealed again.
set -euo pipefail
app="$1"
dmg="$2"
here="$(cd "$(dirname "$0")" && pwd)"
identity="${LESESAAL_SIGN_IDENTITY:?set LESESAAL_SIGN_IDENTITY to your Developer ID Application certificate}"

if [ -n "${LESESAAL_NOTARY_PROFILE:-}" ]; then
    credentials=(--keychain-profile "$LESESAAL_NOTARY_PROFILE")
elif [ -n "${LESESAAL_APPLE_ID:-}" ] && [ -n "${LESESAAL_TEAM_ID:-}" ] && [ -n "${LESESAAL_APP_PASSWORD:-}" ]; then
    credentials=(--apple-id "$LESESAAL_APPLE_ID" --team-id "$LESESAAL_TEAM_ID" --password "$LESESAAL_APP_PASSWORD")
else
    echo "sign_and_notarize.sh: set LESESAAL_NOTARY_PROFILE, or LESESAAL_APPLE_ID, LESESAAL_TEAM_ID and" \
         "LESESAAL_APP_PASSWORD" >&2
    exit 1
fi

codesign --force --options runtime --timestamp --entitlements "$here/entitlements.plist" --sign "$identity" "$app"
codesign --verify --deep --strict --verbose=2 "$app"

bash "$here/make_dmg.sh" "$app" "$dmg"
codesign --force --timestamp --sign "$identity" "$dmg"

xcrun notarytool submit "$dmg" "${credentials[@]}" --wait
xcrun stapler staple "$dmg"
xcrun stapler validate "$dmg"
spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
echo "$dmg"
