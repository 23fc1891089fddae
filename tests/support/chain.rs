//! The audit chain recomputed from the ledger file the way an auditor would
//! (SPEC section 8), independently of the program's own code.

use std::path::Path;

use sha2::{Digest, Sha256};

/// Checks that events are numbered 1, 2, 3... without gaps and that each
/// hash is the SHA-256 of `[prev_hash, seq, at, business_date, actor,
/// action, entity, details]`. Returns how many events there are.
pub fn verify_chain(path: &Path) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT seq, at, business_date, actor, action, entity, details, hash
             FROM events ORDER BY seq",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
            ))
        })
        .unwrap();
    let mut prev = "0".repeat(64);
    let mut expected_seq = 1;
    for row in rows {
        let (seq, at, business_date, actor, action, entity, details, hash) = row.unwrap();
        assert_eq!(seq, expected_seq, "a gap or repeat in the event sequence");
        let text = serde_json::to_string(&serde_json::json!([
            prev,
            seq,
            at,
            business_date,
            actor,
            action,
            entity,
            details
        ]))
        .unwrap();
        let digest: String = Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(hash, digest, "event {seq} does not chain");
        prev = hash;
        expected_seq += 1;
    }
    expected_seq - 1
}
