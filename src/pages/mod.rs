//! One module per route. A page reads its route params and URL query, creates its own resources
//! and passes plain data to child components.

mod admin;
mod case_detail;
mod case_list;
mod connectors;
mod create_case;
mod home;
mod lazy;
mod login;
mod no_access;
mod not_found;
mod settings;

pub use admin::{ApiKeysPage, RolesPage, SpacesPage, UsersPage};
pub use case_detail::CaseDetailPage;
pub use case_list::CaseListPage;
pub use case_list::prefetch::start as prefetch_case_list;
pub use connectors::ConnectorsPage;
pub use create_case::CreateCasePage;
pub use home::HomePage;
pub use lazy::{
    ApiKeysRoute, CaseDetailRoute, ConnectorsRoute, CreateCaseRoute, LoginRoute, RolesRoute,
    SettingsRoute, SpacesRoute, UsersRoute, after_first_rows, preload_case_pages,
};
use login::LoginPage;
pub use no_access::{NoAccess, use_denied};
pub use not_found::NotFoundPage;
pub use settings::SettingsPage;
