#!/usr/bin/env bash
# The JavaScript checks: no user-visible English literal outside AJS.I18n.getText, and the
# i18n keys of the panel scripts match i18n/capacity-tracker-js.properties. Needs node >= 20.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec node --test tests/js/
