//! One module per route. A page reads its route params and URL query, creates its own resources
//! and passes plain data to child components.

mod case_list;
mod home;
mod not_found;

pub use case_list::CaseListPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
