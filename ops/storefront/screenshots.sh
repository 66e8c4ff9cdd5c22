#!/usr/bin/env bash
# Refreshes the storefront screenshots under docs/screenshots/ by running the browser journey
# (storefront.ShopperJourneyTests) and the back office's browser tests (the classes in $journeys below)
# in headless Chromium with -Dscreenshots=true.
# Needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver).
# Usage: ops/storefront/screenshots.sh [--dry-run]
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=ops/lib/common.sh
. ops/lib/common.sh
parse_common_flags "$@"

command -v chromium >/dev/null || fail "chromium is missing: apt-get install -y chromium chromium-driver"
command -v chromedriver >/dev/null || fail "chromedriver is missing: apt-get install -y chromium chromium-driver"
log "running the shopper journey in headless Chromium; screenshots go to docs/screenshots/"
journeys=ShopperJourneyTests,StaffShipsTheOrderJourneyTests,DashboardPagesTests,InventoryPagesTests,CustomerPagesTests,AuditAndOutboxPagesTests,CatalogPagesTests,AccountPagesTests,OrderAfterDeliveryPagesTests
run ./mvnw -B -ntp -q test -Dtest="$journeys" -Dscreenshots=true -Dsurefire.failIfNoSpecifiedTests=false
log "screenshots refreshed under docs/screenshots/"
