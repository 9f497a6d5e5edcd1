// stub: apportion
