//! The claim state machine of SPEC section 6: the states and the only
//! transitions between them.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClaimStatus {
    Submitted,
    InvoiceRequested,
    Approved,
    Payable,
    Paid,
    PaymentFailed,
    Rejected,
    Forfeited,
}

impl ClaimStatus {
    pub const ALL: [ClaimStatus; 8] = [
        ClaimStatus::Submitted,
        ClaimStatus::InvoiceRequested,
        ClaimStatus::Approved,
        ClaimStatus::Payable,
        ClaimStatus::Paid,
        ClaimStatus::PaymentFailed,
        ClaimStatus::Rejected,
        ClaimStatus::Forfeited,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ClaimStatus::Submitted => "submitted",
            ClaimStatus::InvoiceRequested => "invoice_requested",
            ClaimStatus::Approved => "approved",
            ClaimStatus::Payable => "payable",
            ClaimStatus::Paid => "paid",
            ClaimStatus::PaymentFailed => "payment_failed",
            ClaimStatus::Rejected => "rejected",
            ClaimStatus::Forfeited => "forfeited",
        }
    }

    /// Final until reopened: paid, rejected, forfeited.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            ClaimStatus::Paid | ClaimStatus::Rejected | ClaimStatus::Forfeited
        )
    }

    /// Entering these states starts a new notice cycle.
    pub fn starts_notice_cycle(self) -> bool {
        matches!(self, ClaimStatus::Approved | ClaimStatus::PaymentFailed)
    }
}

impl fmt::Display for ClaimStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ClaimStatus {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        ClaimStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == text)
            .ok_or_else(|| {
                let names: Vec<&str> = ClaimStatus::ALL.iter().map(|s| s.as_str()).collect();
                format!("`{text}` is not a claim status ({})", names.join(", "))
            })
    }
}

/// What happens to a claim. Each is one arrow (or family of arrows) of the
/// state diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimEvent {
    RequestInvoice,
    ReceiveInvoice,
    /// `claim validate` with every rule passing.
    Approve,
    /// `claim validate` with a failing rule.
    ValidationFailed,
    /// Bank details accepted (submitted or confirmed).
    BankDetailsAccepted,
    /// Personal or mismatched payee on an approved or payment_failed claim.
    PayeeRefused,
    PayoutRecorded,
    PayoutFailed,
    /// `sweep`: the cycle's last notice expired unanswered.
    NoticesExhausted,
    /// `calculate`: a rule now fails.
    CalculationFailed,
    /// `claim reject`.
    Reject,
    /// `claim reopen`, back to the state the claim left.
    Reopen {
        to: ClaimStatus,
    },
}

impl ClaimEvent {
    /// The audit action recorded for this transition.
    pub fn action(self) -> &'static str {
        match self {
            ClaimEvent::RequestInvoice => "claim.request_invoice",
            ClaimEvent::ReceiveInvoice => "claim.receive_invoice",
            ClaimEvent::Approve => "claim.approve",
            ClaimEvent::ValidationFailed => "claim.reject",
            ClaimEvent::BankDetailsAccepted => "claim.payable",
            ClaimEvent::PayeeRefused => "claim.reject",
            ClaimEvent::PayoutRecorded => "claim.paid",
            ClaimEvent::PayoutFailed => "claim.payment_failed",
            ClaimEvent::NoticesExhausted => "claim.forfeit",
            ClaimEvent::CalculationFailed => "claim.reject",
            ClaimEvent::Reject => "claim.reject",
            ClaimEvent::Reopen { .. } => "claim.reopen",
        }
    }
}

/// The state a claim in `from` moves to on `event`, or `None` when the
/// diagram has no such arrow (rule `claim.state`).
pub fn next_status(from: ClaimStatus, event: ClaimEvent) -> Option<ClaimStatus> {
    use ClaimEvent as E;
    use ClaimStatus as S;
    match (from, event) {
        (S::Submitted, E::RequestInvoice) => Some(S::InvoiceRequested),
        (S::InvoiceRequested, E::ReceiveInvoice) => Some(S::Submitted),
        (S::Submitted, E::Approve) => Some(S::Approved),
        (S::Submitted, E::ValidationFailed) => Some(S::Rejected),
        (S::Approved | S::Payable | S::PaymentFailed, E::BankDetailsAccepted) => Some(S::Payable),
        (S::Approved | S::PaymentFailed, E::PayeeRefused) => Some(S::Rejected),
        (S::Payable, E::PayoutRecorded) => Some(S::Paid),
        (S::Payable | S::Paid, E::PayoutFailed) => Some(S::PaymentFailed),
        (S::Approved | S::PaymentFailed, E::NoticesExhausted) => Some(S::Forfeited),
        (S::Approved | S::Payable | S::PaymentFailed, E::CalculationFailed) => Some(S::Rejected),
        (from, E::Reject) if !from.is_final() => Some(S::Rejected),
        (S::Rejected | S::Forfeited, E::Reopen { to }) => Some(to),
        _ => None,
    }
}

/// The `claim.state` refusal's sentence.
pub fn refusal(from: ClaimStatus, event: ClaimEvent) -> String {
    let what = match event {
        ClaimEvent::RequestInvoice => "request an invoice for",
        ClaimEvent::ReceiveInvoice => "receive an invoice for",
        ClaimEvent::Approve | ClaimEvent::ValidationFailed => "validate",
        ClaimEvent::BankDetailsAccepted | ClaimEvent::PayeeRefused => "take bank details for",
        ClaimEvent::PayoutRecorded => "record a payment for",
        ClaimEvent::PayoutFailed => "record a failed payment for",
        ClaimEvent::NoticesExhausted => "forfeit",
        ClaimEvent::CalculationFailed => "calculate",
        ClaimEvent::Reject => "reject",
        ClaimEvent::Reopen { .. } => "reopen",
    };
    format!("cannot {what} a claim that is {from}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ClaimEvent as E;
    use ClaimStatus as S;
    use proptest::prelude::*;

    fn events() -> Vec<ClaimEvent> {
        let mut all = vec![
            E::RequestInvoice,
            E::ReceiveInvoice,
            E::Approve,
            E::ValidationFailed,
            E::BankDetailsAccepted,
            E::PayeeRefused,
            E::PayoutRecorded,
            E::PayoutFailed,
            E::NoticesExhausted,
            E::CalculationFailed,
            E::Reject,
        ];
        all.extend(S::ALL.iter().map(|to| E::Reopen { to: *to }));
        all
    }

    #[test]
    fn the_drawn_arrows() {
        assert_eq!(
            next_status(S::Submitted, E::RequestInvoice),
            Some(S::InvoiceRequested)
        );
        assert_eq!(
            next_status(S::InvoiceRequested, E::ReceiveInvoice),
            Some(S::Submitted)
        );
        assert_eq!(next_status(S::Submitted, E::Approve), Some(S::Approved));
        assert_eq!(
            next_status(S::Approved, E::BankDetailsAccepted),
            Some(S::Payable)
        );
        assert_eq!(
            next_status(S::Payable, E::BankDetailsAccepted),
            Some(S::Payable)
        );
        assert_eq!(next_status(S::Payable, E::PayoutRecorded), Some(S::Paid));
        assert_eq!(
            next_status(S::Paid, E::PayoutFailed),
            Some(S::PaymentFailed)
        );
        assert_eq!(
            next_status(S::PaymentFailed, E::BankDetailsAccepted),
            Some(S::Payable)
        );
        assert_eq!(
            next_status(S::Approved, E::NoticesExhausted),
            Some(S::Forfeited)
        );
        assert_eq!(
            next_status(S::InvoiceRequested, E::Reject),
            Some(S::Rejected)
        );
        assert_eq!(
            next_status(S::Forfeited, E::Reopen { to: S::Approved }),
            Some(S::Approved)
        );
    }

    #[test]
    fn refused_arrows() {
        assert_eq!(next_status(S::InvoiceRequested, E::Approve), None);
        assert_eq!(next_status(S::Approved, E::PayoutRecorded), None);
        assert_eq!(next_status(S::Payable, E::PayeeRefused), None);
        assert_eq!(next_status(S::Payable, E::NoticesExhausted), None);
        assert_eq!(next_status(S::Paid, E::Reject), None);
        assert_eq!(
            next_status(S::Approved, E::Reopen { to: S::Submitted }),
            None
        );
        assert!(refusal(S::Paid, E::Reject).contains("paid"));
    }

    #[test]
    fn names_round_trip() {
        for status in S::ALL {
            assert_eq!(status.as_str().parse::<S>(), Ok(status));
        }
        assert!("open".parse::<S>().is_err());
    }

    proptest! {
        /// Final states are left only by reopening (or a returned transfer
        /// for paid), and nothing but `Reject` and `Reopen` targets rejected
        /// from outside the drawn arrows.
        #[test]
        fn final_states_are_left_only_as_drawn(from in 0usize..8, event in 0usize..19) {
            let from = S::ALL[from];
            let event = events()[event];
            if let Some(to) = next_status(from, event) {
                if from.is_final() {
                    let allowed = matches!(event, E::Reopen { .. }) || (from == S::Paid && event == E::PayoutFailed);
                    prop_assert!(allowed, "{from:?} --{event:?}--> {to:?}");
                }
                if let E::Reopen { to: target } = event {
                    prop_assert_eq!(to, target);
                }
            }
        }

        /// Any sequence of events keeps the claim in a known state and only
        /// moves along arrows.
        #[test]
        fn random_walks_stay_on_the_diagram(steps in proptest::collection::vec(0usize..19, 0..40)) {
            let all = events();
            let mut state = S::Submitted;
            let mut left_final_without_reopen = false;
            for step in steps {
                let event = all[step];
                if let Some(next) = next_status(state, event) {
                    if state.is_final() && !matches!(event, E::Reopen { .. } | E::PayoutFailed) {
                        left_final_without_reopen = true;
                    }
                    state = next;
                }
            }
            prop_assert!(!left_final_without_reopen);
        }
    }
}
