/**
 * Secrets that change while BuildNest runs: the mounted secrets directory (a Kubernetes Secret
 * volume, one file per property), re-read so that a rotated database password, Redis password or
 * payment secret reaches new connections and signature checks without a restart, and the age of
 * each secret since its last rotation, exported as metrics so that an alert fires before the
 * rotation schedule runs out. Procedures: docs/runbooks/secret-rotation.md.
 */
@NamedInterface("secrets")
package com.buildnest.platform.secrets;

import org.springframework.modulith.NamedInterface;
