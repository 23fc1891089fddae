//! Resellers and their enrolments in other programs.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reseller {
    pub id: String,
    pub name: String,
    pub email: String,
    pub country: Option<String>,
    pub registered_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrollment {
    pub reseller_id: String,
    pub program: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

fn reseller_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Reseller> {
    Ok(Reseller {
        id: row.get(0)?,
        name: row.get(1)?,
        email: row.get(2)?,
        country: row.get(3)?,
        registered_on: row.get(4)?,
    })
}

const RESELLER_COLUMNS: &str = "id, name, email, country, registered_on";

pub fn find(conn: &Connection, id: &str) -> rusqlite::Result<Option<Reseller>> {
    conn.query_row(
        &format!("SELECT {RESELLER_COLUMNS} FROM resellers WHERE id = ?1"),
        [id],
        reseller_from_row,
    )
    .optional()
}

pub fn all(conn: &Connection) -> rusqlite::Result<Vec<Reseller>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {RESELLER_COLUMNS} FROM resellers ORDER BY id"
    ))?;
    stmt.query_map([], reseller_from_row)?.collect()
}

pub fn insert(conn: &Connection, reseller: &Reseller) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO resellers (id, name, email, country, registered_on) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![reseller.id, reseller.name, reseller.email, reseller.country, reseller.registered_on],
    )?;
    Ok(())
}

pub fn update(conn: &Connection, reseller: &Reseller) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE resellers SET name = ?2, email = ?3, country = ?4 WHERE id = ?1",
        params![reseller.id, reseller.name, reseller.email, reseller.country],
    )?;
    Ok(())
}

fn enrollment_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Enrollment> {
    Ok(Enrollment {
        reseller_id: row.get(0)?,
        program: row.get(1)?,
        from: row.get(2)?,
        to: row.get(3)?,
    })
}

/// Enrolments, of one reseller or all, in a stable order.
pub fn enrollments(
    conn: &Connection,
    reseller_id: Option<&str>,
) -> rusqlite::Result<Vec<Enrollment>> {
    let mut stmt = conn.prepare(
        "SELECT reseller_id, program, from_date, to_date FROM enrollments
         WHERE ?1 IS NULL OR reseller_id = ?1
         ORDER BY reseller_id, program, from_date, to_date",
    )?;
    stmt.query_map([reseller_id], enrollment_from_row)?
        .collect()
}

/// Records an enrolment; `false` when the same one is already recorded.
pub fn insert_enrollment(conn: &Connection, enrollment: &Enrollment) -> rusqlite::Result<bool> {
    let added = conn.execute(
        "INSERT OR IGNORE INTO enrollments (reseller_id, program, from_date, to_date) VALUES (?1, ?2, ?3, ?4)",
        params![enrollment.reseller_id, enrollment.program, enrollment.from, enrollment.to],
    )?;
    Ok(added == 1)
}
