from channels import Messageable


class Thread(Messageable):
    archived = False
