import FSQCore
print(FSQ.version)
