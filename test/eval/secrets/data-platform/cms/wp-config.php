<?php
define('DB_NAME', 'dp_cms');
define('DB_USER', 'dp_cms');
define('DB_PASSWORD', 'Wp!Cms-Db#2024z');
define('DB_HOST', 'cms-db.internal');
define('AUTH_KEY', 'i_bJoO-6GDHh9h&FOhn&y^m4*UBDy1T!y9J0K87oAX5rLvtQUbe084E%z&x1z1r!');
define('WP_DEBUG', false);
$table_prefix = 'wp_';
