region          = "eu-central-1"
instance_type   = "r6g.large"
db_username     = "dp_admin"
db_password     = "Tfv4rs!Adm1n-99"
allowed_cidrs   = ["10.0.0.0/8"]
