//! Stack Management administration pages: Users, Roles, API keys (Security) and Spaces
//! (Kibana), at Kibana's paths below `/app/management` (see [`crate::routes::AdminPage`]).
//!
//! Each page sits in the Management shell beside the Stack Management navigation
//! ([`frame`]). Users, roles and spaces are for superusers only: others get an explanation
//! instead of the page (the server refuses them anyway); everyone manages their own API keys.
//! Pure logic (the role model, form checks) lives beside each page and is unit-tested.

mod api_key_flyout;
mod api_keys;
mod footer;
mod frame;
mod role_flyout;
mod role_model;
mod roles;
mod space_flyout;
mod spaces;
mod table;
mod user_flyout;
mod users;

pub use api_keys::ApiKeysPage;
pub use roles::RolesPage;
pub use spaces::SpacesPage;
pub use users::UsersPage;
